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

package com.patternhealth.boot.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * A cached token, with the instants at which a refresh starts and at which calls stop
 * using it, whether it replaced a token the API answered {@code 401} to, and a completed
 * future of it, so that handing out a cached token allocates nothing.
 *
 * @param client the authorized client that carries the token
 * @param refreshAt when a background refresh starts
 * @param expiresAt when calls stop using the token
 * @param afterUnauthorized whether the token replaced one the API answered {@code 401} to
 * @param ready a completed future of this token
 * @author Pattern Health Spring Boot authors
 */
record CachedToken(OAuth2AuthorizedClient client, Instant refreshAt, Instant expiresAt, boolean afterUnauthorized,
		CompletableFuture<CachedToken> ready) {

	CachedToken(OAuth2AuthorizedClient client, Instant refreshAt, Instant expiresAt, boolean afterUnauthorized) {
		this(client, refreshAt, expiresAt, afterUnauthorized, new CompletableFuture<>());
		this.ready.complete(this);
	}

	/**
	 * Cache the token of the given answer: it expires its lifetime after the request was
	 * sent, its lifetime in milliseconds when the reader recorded them, at most the
	 * longest lifetime, and is refreshed or dropped when the given shares of it remain.
	 * @param response the answer of the token endpoint
	 * @param requestedAt when the request was sent
	 * @param registration the registration, without its secret
	 * @param maxLifetime the longest lifetime
	 * @param refreshAhead the share of the lifetime left when a refresh starts
	 * @param expiryMargin the share of the lifetime left when calls stop using it
	 * @param afterUnauthorized whether the token replaces one the API answered
	 * {@code 401} to
	 * @return the cached token
	 */
	static CachedToken of(OAuth2AccessTokenResponse response, Instant requestedAt, ClientRegistration registration,
			Duration maxLifetime, double refreshAhead, double expiryMargin, boolean afterUnauthorized) {
		Object milliseconds = response.getAdditionalParameters().get(TokenResponseReader.LIFETIME_PARAMETER);
		OAuth2AccessToken received = response.getAccessToken();
		Duration lifetime = (milliseconds instanceof Number number) ? Duration.ofMillis(number.longValue())
				: Duration.between(received.getIssuedAt(), received.getExpiresAt());
		lifetime = (lifetime.compareTo(maxLifetime) > 0) ? maxLifetime : lifetime;
		Instant expiresAt = requestedAt.plus(lifetime);
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, received.getTokenValue(),
				requestedAt, expiresAt, received.getScopes());
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, registration.getClientId(), token);
		return new CachedToken(client, expiresAt.minus(share(lifetime, refreshAhead)),
				expiresAt.minus(share(lifetime, expiryMargin)), afterUnauthorized);
	}

	private static Duration share(Duration lifetime, double ratio) {
		return Duration.ofMillis((long) (lifetime.toMillis() * ratio));
	}

	OAuth2AccessToken accessToken() {
		return this.client.getAccessToken();
	}

	Duration lifetime() {
		return Duration.between(accessToken().getIssuedAt(), accessToken().getExpiresAt());
	}

}
