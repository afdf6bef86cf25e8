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

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
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

/**
 * Adds {@code Authorization: Bearer <token>} to requests for Pattern Health's origin
 * (scheme, host and port of the base URL) and to no other. When the API answers
 * {@code 401}, the token that was sent is reported to the failure handler (which drops
 * it), a token is obtained again and the request is sent once more; the answer to that
 * second attempt, whatever it is, goes to the caller.
 * <p>
 * A request can only be sent again if its body can be written twice: values, forms and
 * multipart data can, a one-shot {@code Publisher} cannot.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class PatternHealthBearerExchangeFilterFunction implements ExchangeFilterFunction {

	private static final String PRINCIPAL = "pattern-health-application";

	private final ReactiveOAuth2AuthorizedClientManager authorizedClientManager;

	private final ReactiveOAuth2AuthorizationFailureHandler failureHandler;

	private final OAuth2AuthorizeRequest authorizeRequest;

	private final String scheme;

	private final String host;

	private final int port;

	/**
	 * Create a new filter for the {@code pattern-health} registration. A manager that is
	 * also a {@link ReactiveOAuth2AuthorizationFailureHandler}, such as
	 * {@link PatternHealthAuthorizedClientManager}, is told of rejected tokens.
	 * @param authorizedClientManager the manager that provides the token
	 * @param baseUrl the base URL whose origin receives the token
	 */
	public PatternHealthBearerExchangeFilterFunction(ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
			URI baseUrl) {
		this(authorizedClientManager,
				(authorizedClientManager instanceof ReactiveOAuth2AuthorizationFailureHandler failureHandler)
						? failureHandler : (exception, principal, attributes) -> Mono.empty(),
				PatternHealthAuthorizedClientManager.REGISTRATION_ID, baseUrl);
	}

	/**
	 * Create a new filter.
	 * @param authorizedClientManager the manager that provides the token
	 * @param failureHandler told of a token that the API rejected
	 * @param registrationId the registration id to authorize
	 * @param baseUrl the base URL whose origin receives the token
	 */
	public PatternHealthBearerExchangeFilterFunction(ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
			ReactiveOAuth2AuthorizationFailureHandler failureHandler, String registrationId, URI baseUrl) {
		Assert.notNull(authorizedClientManager, "'authorizedClientManager' must not be null");
		Assert.notNull(failureHandler, "'failureHandler' must not be null");
		Assert.isTrue(baseUrl.isAbsolute(), "'baseUrl' must be absolute");
		this.authorizedClientManager = authorizedClientManager;
		this.failureHandler = failureHandler;
		this.authorizeRequest = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
			.principal(PRINCIPAL)
			.build();
		this.scheme = baseUrl.getScheme();
		this.host = baseUrl.getHost();
		this.port = port(baseUrl);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!isPatternHealth(request.url())) {
			return next.exchange(request);
		}
		return authorize().flatMap((client) -> next.exchange(withBearer(request, client))
			.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
					? replay(request, client, response, next) : Mono.just(response)));
	}

	private Mono<ClientResponse> replay(ClientRequest request, OAuth2AuthorizedClient rejected, ClientResponse response,
			ExchangeFunction next) {
		ClientAuthorizationException failure = new ClientAuthorizationException(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN), this.authorizeRequest.getClientRegistrationId(),
				"Pattern Health answered 401 to " + request.method() + " " + request.url().getPath());
		Map<String, Object> attributes = Map.of(OAuth2AuthorizedClient.class.getName(), rejected);
		return response.releaseBody()
			.then(this.failureHandler.onAuthorizationFailure(failure, this.authorizeRequest.getPrincipal(), attributes))
			.then(authorize())
			.flatMap((client) -> next.exchange(withBearer(request, client)));
	}

	private Mono<OAuth2AuthorizedClient> authorize() {
		return this.authorizedClientManager.authorize(this.authorizeRequest);
	}

	private static ClientRequest withBearer(ClientRequest request, OAuth2AuthorizedClient client) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION,
					"Bearer " + client.getAccessToken().getTokenValue()))
			.build();
	}

	/**
	 * Whether the URL has Pattern Health's origin: its scheme, host and port. Compares
	 * the parts {@link URI} has already parsed, so that the check allocates nothing.
	 */
	private boolean isPatternHealth(URI url) {
		return this.scheme.equalsIgnoreCase(url.getScheme()) && this.host.equalsIgnoreCase(url.getHost())
				&& this.port == port(url);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : ("http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1);
	}

}
