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
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes a {@code WebClient} carry a Pattern Health token to one origin: the bearer
 * filter, wrapped in the retry filter unless retries are off, so that every attempt
 * carries a valid token and a {@code 401} is replayed within an attempt.
 *
 * <p>
 * The starter configures its own clients with it; an application may configure a builder
 * of its own the same way. Each call of {@link #configure} adds the filters again, so a
 * builder is configured once.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthWebClientConfigurer {

	private final ReactiveOAuth2AuthorizedClientManager authorizedClientManager;

	private final URI origin;

	private final @Nullable PatternHealthRetryPolicy retryPolicy;

	/**
	 * Create a new configurer.
	 * @param authorizedClientManager the source of the tokens
	 * @param origin a URL of the origin (scheme, host and port) that receives the token,
	 * such as the base URL of the client
	 * @param retryPolicy when to send an API request again, or {@code null} to never send
	 * one again
	 */
	public PatternHealthWebClientConfigurer(ReactiveOAuth2AuthorizedClientManager authorizedClientManager, URI origin,
			@Nullable PatternHealthRetryPolicy retryPolicy) {
		this.authorizedClientManager = authorizedClientManager;
		this.origin = origin;
		this.retryPolicy = retryPolicy;
	}

	/**
	 * Add the filters to the given builder.
	 * @param builder the builder of a client of Pattern Health
	 * @return the builder
	 */
	public WebClient.Builder configure(WebClient.Builder builder) {
		if (this.retryPolicy != null) {
			builder.filter(new PatternHealthRetryExchangeFilterFunction(this.retryPolicy, this.origin));
		}
		return builder.filter(new PatternHealthBearerExchangeFilterFunction(this.authorizedClientManager, this.origin));
	}

}
