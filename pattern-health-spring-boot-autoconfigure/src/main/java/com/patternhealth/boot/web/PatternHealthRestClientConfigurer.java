/*
 * Copyright 2026 the Pattern Health Spring Boot authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package com.patternhealth.boot.web;

import java.net.URI;

import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes a {@code RestClient} carry a Pattern Health token to one origin: its requests for
 * that origin are made by a request factory that adds the token, replays a request once
 * after a {@code 401} and, unless retries are off, sends it again after a {@code 429} or
 * a {@code 503}, each attempt with a valid token. Requests for any other origin are the
 * given request factory's own, untouched.
 * <p>
 * The work is done in the request factory rather than in interceptors on the builder, so
 * that a call with a cached token costs what a call with a fixed header costs: an
 * interceptor would copy every header of every call into the request that is sent.
 * Interceptors an application adds to the builder run before it, and never see the token.
 * <p>
 * The starter configures its own clients with it; an application may configure a builder
 * of its own the same way.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthRestClientConfigurer {

	private final PatternHealthTokenCache tokenCache;

	private final URI origin;

	private final @Nullable PatternHealthRetryPolicy retryPolicy;

	/**
	 * Create a new configurer.
	 * @param tokenCache the source of the tokens
	 * @param origin a URL of the origin (scheme, host and port) that receives the token,
	 * such as the base URL of the client
	 * @param retryPolicy when to send an API request again, or {@code null} to never send
	 * one again
	 */
	public PatternHealthRestClientConfigurer(PatternHealthTokenCache tokenCache, URI origin,
			@Nullable PatternHealthRetryPolicy retryPolicy) {
		this.tokenCache = tokenCache;
		this.origin = origin;
		this.retryPolicy = retryPolicy;
	}

	/**
	 * Make the given builder send its requests through the given request factory, those
	 * for Pattern Health's origin with its token. The builder's request factory is
	 * replaced.
	 * @param builder the builder of a client of Pattern Health
	 * @param requestFactory the factory of the requests that are sent, such as one of
	 * Spring Boot's {@code ClientHttpRequestFactoryBuilder}
	 * @return the builder
	 */
	public RestClient.Builder configure(RestClient.Builder builder, ClientHttpRequestFactory requestFactory) {
		return builder.requestFactory(new PatternHealthClientHttpRequestFactory(requestFactory, this.tokenCache,
				this.origin, this.retryPolicy));
	}

}
