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

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.util.Assert;

/**
 * The {@link ReactiveOAuth2AuthorizedClientManager} for Pattern Health: the reactive face
 * of a {@link PatternHealthTokenCache}. It serves one client_credentials token for the
 * whole application, whoever the current user is, in web and non-web applications alike,
 * and never blocks a thread. A subscriber that gets no token gets a
 * {@link PatternHealthTokenException} of its own, never one that another subscriber got.
 * <p>
 * It is also the {@link ReactiveOAuth2AuthorizationFailureHandler} that drops a token the
 * API answered {@code 401} to: pass the rejected {@link OAuth2AuthorizedClient} in the
 * attributes under its class name. A newer token is never dropped for the failure of an
 * older one.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthAuthorizedClientManager
		implements ReactiveOAuth2AuthorizedClientManager, ReactiveOAuth2AuthorizationFailureHandler {

	/**
	 * The registration id of Pattern Health's client, as used in
	 * {@link OAuth2AuthorizeRequest#withClientRegistrationId(String)}.
	 */
	public static final String REGISTRATION_ID = PatternHealthTokenCache.REGISTRATION_ID;

	private final PatternHealthTokenCache tokenCache;

	private volatile Handout handout = Handout.NONE;

	/**
	 * Create a manager that serves the tokens of the given cache.
	 * @param tokenCache the token cache
	 */
	public PatternHealthAuthorizedClientManager(PatternHealthTokenCache tokenCache) {
		Assert.notNull(tokenCache, "'tokenCache' must not be null");
		this.tokenCache = tokenCache;
	}

	/**
	 * Return the token cache behind this manager.
	 * @return the token cache
	 */
	public PatternHealthTokenCache getTokenCache() {
		return this.tokenCache;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest authorizeRequest) {
		Assert.notNull(authorizeRequest, "'authorizeRequest' must not be null");
		if (!REGISTRATION_ID.equals(authorizeRequest.getClientRegistrationId())) {
			return Mono.error(new IllegalArgumentException("Only the '" + REGISTRATION_ID
					+ "' registration is served here, not '" + authorizeRequest.getClientRegistrationId() + "'"));
		}
		return Mono.defer(this::authorizedClient);
	}

	@Override
	public Mono<Void> onAuthorizationFailure(OAuth2AuthorizationException authorizationException,
			Authentication principal, Map<String, Object> attributes) {
		if (attributes.get(OAuth2AuthorizedClient.class.getName()) instanceof OAuth2AuthorizedClient rejected) {
			this.tokenCache.replaceRejected(rejected.getAccessToken());
		}
		return Mono.empty();
	}

	private Mono<OAuth2AuthorizedClient> authorizedClient() {
		CompletableFuture<CachedToken> token = this.tokenCache.acquire();
		if (token.isDone() && !token.isCompletedExceptionally()) {
			return handOut(token.join());
		}
		// The shared future's failure is shared too: each subscriber gets its own, which
		// Reactor may add suppressed exceptions and assembly information to
		return Mono.fromFuture(this.tokenCache.forCaller(token));
	}

	/**
	 * A ready {@code Mono} of the cached token, made once per token, so that handing out
	 * a cached token allocates nothing but the caller's subscription.
	 */
	private Mono<OAuth2AuthorizedClient> handOut(CachedToken token) {
		Handout current = this.handout;
		if (current.token() != token) {
			current = new Handout(token, Mono.just(token.client()));
			this.handout = current;
		}
		return current.mono();
	}

	private record Handout(@Nullable CachedToken token, Mono<OAuth2AuthorizedClient> mono) {

		static final Handout NONE = new Handout(null, Mono.empty());

	}

}
