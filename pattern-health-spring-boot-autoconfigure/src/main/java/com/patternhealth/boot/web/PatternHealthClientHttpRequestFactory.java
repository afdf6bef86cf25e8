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

import java.io.IOException;
import java.net.URI;

import com.patternhealth.boot.origin.PatternHealthOrigin;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

/**
 * Makes the requests of a {@code RestClient}, those for Pattern Health's origin (scheme,
 * host and port of the base URL) carrying its token: the
 * {@link PatternHealthRetryInterceptor} around the
 * {@link PatternHealthBearerInterceptor}, run by a request of its own instead of by
 * {@code RestClient}'s interceptor chain.
 * <p>
 * An interceptor on the client's builder would take every request through an intercepting
 * request, which copies every header and attribute of each call into the request that is
 * sent. Here the first attempt is the request the given factory made, to which the client
 * writes its headers; a request is made and copied only to send it again. Requests for
 * any other origin are the given factory's own, untouched.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory requestFactory;

	private final PatternHealthOrigin origin;

	private final ClientHttpRequestExecution execution;

	/**
	 * Create a new request factory.
	 * @param requestFactory the factory of the requests that are sent
	 * @param tokenCache the source of the tokens
	 * @param baseUrl the base URL whose origin receives the token
	 * @param retryPolicy when to send a request again, or {@code null} to never send one
	 * again but after a {@code 401}
	 */
	PatternHealthClientHttpRequestFactory(ClientHttpRequestFactory requestFactory, PatternHealthTokenCache tokenCache,
			URI baseUrl, @Nullable PatternHealthRetryPolicy retryPolicy) {
		Assert.notNull(requestFactory, "'requestFactory' must not be null");
		this.requestFactory = requestFactory;
		this.origin = PatternHealthOrigin.ofBaseUrl(baseUrl);
		ClientHttpRequestExecution bearer = new PatternHealthBearerInterceptor(tokenCache, baseUrl)
			.apply((request, body) -> ((ResendableClientHttpRequest) request).send(body));
		this.execution = (retryPolicy != null) ? new PatternHealthRetryInterceptor(retryPolicy, baseUrl).apply(bearer)
				: bearer;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		ClientHttpRequest request = this.requestFactory.createRequest(uri, httpMethod);
		return this.origin.matches(uri) ? new ResendableClientHttpRequest(this.requestFactory, request, this.execution)
				: request;
	}

}
