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
import java.util.function.Consumer;

import com.patternhealth.boot.origin.PatternHealthOrigin;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
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
 * The header is written into the HTTP client's own request as it is sent, not into the
 * {@link ClientRequest}: no copy of the request is made for it, and neither a
 * {@link WebClientRequestException} nor a {@code WebClientResponseException}, which keep
 * the request's headers, carries the token to the caller.
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
					? replay(request, client, response, next) : Mono.just(response));
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
		return next.exchange(new BearerClientRequest(request, this.bearer.of(client.getAccessToken())));
	}

	private Mono<OAuth2AuthorizedClient> authorize() {
		return this.authorizedClientManager.authorize(this.authorizeRequest);
	}

	/**
	 * A request that writes {@code Authorization: Bearer <token>} into the HTTP client's
	 * own request when it is sent, and is otherwise the request it was made from: no copy
	 * of the request per call, and a header that nothing before the HTTP client sees, so
	 * that no {@link WebClientRequestException}, {@code WebClientResponseException}, log
	 * line or later filter can hand the token on.
	 * <p>
	 * It writes the header as its own {@link #httpRequest()} consumer as well, so that a
	 * filter after this one that rebuilds the request with {@link ClientRequest#from}
	 * still sends the token: the copy takes that consumer over.
	 */
	private static final class BearerClientRequest implements ClientRequest, Consumer<ClientHttpRequest> {

		private final ClientRequest request;

		private final String authorization;

		BearerClientRequest(ClientRequest request, String authorization) {
			this.request = request;
			this.authorization = authorization;
		}

		@Override
		public HttpMethod method() {
			return this.request.method();
		}

		@Override
		public URI url() {
			return this.request.url();
		}

		@Override
		public HttpHeaders headers() {
			return this.request.headers();
		}

		@Override
		public MultiValueMap<String, String> cookies() {
			return this.request.cookies();
		}

		@Override
		public BodyInserter<?, ? super ClientHttpRequest> body() {
			return this.request.body();
		}

		@Override
		public Map<String, Object> attributes() {
			return this.request.attributes();
		}

		@Override
		public Consumer<ClientHttpRequest> httpRequest() {
			Consumer<ClientHttpRequest> own = this.request.httpRequest();
			return (own != null) ? own.andThen(this) : this;
		}

		@Override
		public String logPrefix() {
			return this.request.logPrefix();
		}

		/**
		 * Write the header first: the request's own headers are then added only where the
		 * HTTP client's request has none of the name, so an {@code Authorization} header
		 * of the caller's does not replace the token.
		 */
		@Override
		public Mono<Void> writeTo(ClientHttpRequest request, ExchangeStrategies strategies) {
			accept(request);
			return this.request.writeTo(request, strategies);
		}

		/**
		 * Write the header into the HTTP client's request.
		 */
		@Override
		public void accept(ClientHttpRequest request) {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.authorization);
		}

	}

}
