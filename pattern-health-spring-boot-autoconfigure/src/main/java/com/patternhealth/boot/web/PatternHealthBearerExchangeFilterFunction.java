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
import java.util.Map;

import com.patternhealth.boot.origin.PatternHealthOrigin;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Adds {@code Authorization: Bearer <token>} to requests for Pattern Health's origin
 * (scheme, host and port of the base URL) and to no other. When the API answers
 * {@code 401}, the token that was sent is reported to the failure handler (which drops
 * it), a token is obtained again and the request is sent once more; the answer to that
 * second attempt, whatever it is, goes to the caller. The first {@code 401} goes to the
 * caller instead when the manager hands out the same token again (the {@code 401} was the
 * resource's answer, not a dead token), when the request's
 * {@link PatternHealth#REPLAY_ATTRIBUTE} is {@code false}, or when its body cannot be
 * written twice (a one-shot {@code Publisher}; values, forms and multipart data can).
 * Otherwise the body of the first {@code 401} is released, whether the replay succeeds,
 * fails (the token request included) or is cancelled: an answer neither read nor released
 * keeps its connection from the pool.
 * <p>
 * Neither a {@link WebClientRequestException} nor a {@code WebClientResponseException}
 * carries the {@code Authorization} header to the caller.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthBearerExchangeFilterFunction implements ExchangeFilterFunction {

	private static final String PRINCIPAL = "pattern-health-application";

	private final ReactiveOAuth2AuthorizedClientManager authorizedClientManager;

	private final ReactiveOAuth2AuthorizationFailureHandler failureHandler;

	private final OAuth2AuthorizeRequest authorizeRequest;

	private final PatternHealthOrigin origin;

	private final @Nullable PatternHealthTokenCache tokenCache;

	private final BearerHeader bearer = new BearerHeader();

	/**
	 * Create a new filter for the {@code pattern-health} registration. A manager that is
	 * also a {@link ReactiveOAuth2AuthorizationFailureHandler}, such as
	 * {@link PatternHealthAuthorizedClientManager}, is told of rejected tokens.
	 * @param authorizedClientManager the manager that provides the token
	 * @param baseUrl the base URL whose origin receives the token
	 */
	public PatternHealthBearerExchangeFilterFunction(ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
			URI baseUrl) {
		Assert.notNull(authorizedClientManager, "'authorizedClientManager' must not be null");
		this.authorizedClientManager = authorizedClientManager;
		this.failureHandler = (authorizedClientManager instanceof ReactiveOAuth2AuthorizationFailureHandler handler)
				? handler : (exception, principal, attributes) -> Mono.empty();
		this.authorizeRequest = OAuth2AuthorizeRequest
			.withClientRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.principal(PRINCIPAL)
			.build();
		this.origin = PatternHealthOrigin.ofBaseUrl(baseUrl);
		this.tokenCache = (authorizedClientManager instanceof PatternHealthAuthorizedClientManager manager)
				? manager.getTokenCache() : null;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.origin.matches(request.url())) {
			return next.exchange(request);
		}
		// A cached token is used at once: no Mono of the token, nothing to wait for
		OAuth2AuthorizedClient cached = (this.tokenCache != null) ? this.tokenCache.getCachedAuthorizedClient() : null;
		if (cached != null) {
			return answer(request, cached, next);
		}
		return authorize().flatMap((client) -> answer(request, client, next));
	}

	/**
	 * Send the request with the client's token, and replay it once after a {@code 401}.
	 */
	private Mono<ClientResponse> answer(ClientRequest request, OAuth2AuthorizedClient client, ExchangeFunction next) {
		return send(request, client, next)
			.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
					? replay(request, client, response, next)
						.map(PatternHealthBearerExchangeFilterFunction::withoutCredentials)
					: Mono.just(withoutCredentials(response)));
	}

	/**
	 * The same answer, whose request no longer holds the {@code Authorization} header
	 * when it is an error: the {@code WebClientResponseException} made of it keeps the
	 * request for the caller.
	 */
	private static ClientResponse withoutCredentials(ClientResponse response) {
		HttpRequest sent = response.request();
		if (!response.statusCode().isError() || !sent.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return response;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(sent.getHeaders());
		headers.remove(HttpHeaders.AUTHORIZATION);
		return response.mutate()
			.request(new SentRequest(sent.getMethod(), sent.getURI(), headers, sent.getAttributes()))
			.build();
	}

	private Mono<ClientResponse> replay(ClientRequest request, OAuth2AuthorizedClient rejected, ClientResponse response,
			ExchangeFunction next) {
		ClientAuthorizationException failure = new ClientAuthorizationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN), this.authorizeRequest.getClientRegistrationId(),
				"Pattern Health answered 401 to " + request.method() + " " + request.url().getPath());
		Map<String, Object> attributes = Map.of(OAuth2AuthorizedClient.class.getName(), rejected);
		String rejectedValue = rejected.getAccessToken().getTokenValue();
		HeldResponse held = new HeldResponse(response);
		return this.failureHandler.onAuthorizationFailure(failure, this.authorizeRequest.getPrincipal(), attributes)
			.then(Mono.defer(() -> Boolean.FALSE.equals(request.attribute(PatternHealth.REPLAY_ATTRIBUTE).orElse(null))
					? held.handOver()
					: authorize().flatMap((client) -> rejectedValue.equals(client.getAccessToken().getTokenValue())
							? held.handOver() : sendAgain(request, client, held, next))))
			.doOnCancel(held::releaseNow)
			.onErrorResume((ex) -> held.release().then(Mono.error(ex)))
			.switchIfEmpty(held.release().then(Mono.empty()));
	}

	/**
	 * Send the request once more with a fresh token. Until that answer arrives the first
	 * one is held, so that the caller gets it when the body cannot be written again;
	 * {@link #replay} releases it on the other paths.
	 */
	private Mono<ClientResponse> sendAgain(ClientRequest request, OAuth2AuthorizedClient client, HeldResponse rejected,
			ExchangeFunction next) {
		ResendableRequest again = new ResendableRequest(request);
		return send(again.request(), client, next).flatMap((response) -> rejected.release().thenReturn(response))
			.onErrorResume((ex) -> again.bodyCannotBeWrittenAgain(ex) ? rejected.handOver() : Mono.error(ex));
	}

	private Mono<ClientResponse> send(ClientRequest request, OAuth2AuthorizedClient client, ExchangeFunction next) {
		return next.exchange(withBearer(request, client))
			.onErrorMap(WebClientRequestException.class, PatternHealthBearerExchangeFilterFunction::withoutCredentials);
	}

	/**
	 * The same exception, without the {@code Authorization} header among the request
	 * headers it keeps.
	 */
	private static WebClientRequestException withoutCredentials(WebClientRequestException ex) {
		if (!ex.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return ex;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(ex.getHeaders());
		headers.remove(HttpHeaders.AUTHORIZATION);
		Throwable cause = ex.getCause();
		Assert.state(cause != null, "A request exception has a cause");
		WebClientRequestException copy = new WebClientRequestException(cause, ex.getMethod(), ex.getUri(), headers);
		copy.setStackTrace(ex.getStackTrace());
		return copy;
	}

	private Mono<OAuth2AuthorizedClient> authorize() {
		return this.authorizedClientManager.authorize(this.authorizeRequest);
	}

	private ClientRequest withBearer(ClientRequest request, OAuth2AuthorizedClient client) {
		String bearer = this.bearer.of(client.getAccessToken());
		return ClientRequest.from(request).headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, bearer)).build();
	}

	/**
	 * A request as it was sent, without its credentials.
	 */
	private record SentRequest(HttpMethod method, URI uri, HttpHeaders headers,
			Map<String, Object> attributes) implements HttpRequest {

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

	}

}
