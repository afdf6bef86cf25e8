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
import com.patternhealth.boot.token.PatternHealthTokenCache;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.Assert;

/**
 * Adds {@code Authorization: Bearer <token>} to {@code RestClient} requests for Pattern
 * Health's origin (scheme, host and port of the base URL) and to no other. When the API
 * answers {@code 401}, the token that was sent is dropped from the
 * {@link PatternHealthTokenCache}, a token is obtained again (one request for every
 * concurrent caller) and the request is sent once more; the answer to that second
 * attempt, whatever it is, goes to the caller. The first {@code 401} goes to the caller
 * instead when the token was too young to be dead (the {@code 401} was the resource's
 * answer, see {@link PatternHealthTokenCache#replaceRejected}), or when the request's
 * {@link PatternHealth#REPLAY_ATTRIBUTE} is {@code false}.
 * <p>
 * {@link PatternHealthClientHttpRequestFactory} runs it for each attempt, on a
 * {@link ResendableClientHttpRequest} that holds the body, so that it can be sent twice.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthBearerInterceptor implements ClientHttpRequestInterceptor {

	private final PatternHealthTokenCache tokenCache;

	private final PatternHealthOrigin origin;

	private final BearerHeader bearer = new BearerHeader();

	/**
	 * Create a new interceptor.
	 * @param tokenCache the cache that provides the token
	 * @param baseUrl the base URL whose origin receives the token
	 */
	PatternHealthBearerInterceptor(PatternHealthTokenCache tokenCache, URI baseUrl) {
		Assert.notNull(tokenCache, "'tokenCache' must not be null");
		this.tokenCache = tokenCache;
		this.origin = PatternHealthOrigin.ofBaseUrl(baseUrl);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.origin.matches(request.getURI())) {
			return execution.execute(request, body);
		}
		// A cached token is used at once; the cache is waited on only for a new one
		OAuth2AuthorizedClient cached = this.tokenCache.getCachedAuthorizedClient();
		OAuth2AccessToken sent = ((cached != null) ? cached : this.tokenCache.getAuthorizedClient()).getAccessToken();
		ClientHttpResponse response = execute(request, body, execution, sent);
		if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()
				|| !this.tokenCache.replaceRejected(sent)
				|| Boolean.FALSE.equals(request.getAttributes().get(PatternHealth.REPLAY_ATTRIBUTE))) {
			return response;
		}
		response.close();
		return execute(request, body, execution, this.tokenCache.getAuthorizedClient().getAccessToken());
	}

	private ClientHttpResponse execute(HttpRequest request, byte[] body, ClientHttpRequestExecution execution,
			OAuth2AccessToken token) throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.bearer.of(token));
		return execution.execute(request, body);
	}

}
