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

package com.patternhealth.boot.health;

import java.time.Instant;
import java.util.Locale;

import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.TokenState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * A {@link HealthIndicator} that reports the Pattern Health access token from what a
 * {@link PatternHealthTokenCache} holds, without any network call, and never the token
 * itself:
 * <ul>
 * <li>{@code UNKNOWN} before the first token request;</li>
 * <li>{@code UP} while a valid token is held, with {@code obtainedAt}, {@code expiresAt}
 * and {@code failedRefreshes}, the refreshes that failed while the token stays in use
 * (then also the last {@code error} and the {@code nextAttempt});</li>
 * <li>{@code UP} when the last token expired while no call needed one: the next call
 * requests a new one ({@code state} is {@code expired});</li>
 * <li>{@code DOWN} when no valid token is held and the last token request failed in a way
 * that may pass, such as an unreachable or overloaded token endpoint: calls fail until a
 * request succeeds ({@code error}, {@code failedRequests}, {@code nextAttempt});</li>
 * <li>{@code DOWN} when Pattern Health rejected the client credentials: the OAuth 2.0
 * {@code error}, such as {@code invalid_client}, and the {@code clientId}.</li>
 * </ul>
 * Every state also carries the {@code clientId} and the {@code state} of the token, such
 * as {@code valid} or {@code credentials-rejected}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthHealthIndicator implements HealthIndicator {

	private final PatternHealthTokenCache tokenCache;

	/**
	 * Create a new indicator.
	 * @param tokenCache the token cache to report
	 */
	public PatternHealthHealthIndicator(PatternHealthTokenCache tokenCache) {
		Assert.notNull(tokenCache, "'tokenCache' must not be null");
		this.tokenCache = tokenCache;
	}

	@Override
	public Health health() {
		TokenState state = this.tokenCache.getState();
		Health.Builder health = switch (state.status()) {
			case NOT_REQUESTED -> Health.unknown();
			case VALID,
					EXPIRED ->
				Health.up()
					.withDetail("obtainedAt", text(state.obtainedAt()))
					.withDetail("expiresAt", text(state.expiresAt()))
					.withDetail("failedRefreshes", state.failedRequests());
			case UNAVAILABLE -> Health.down()
				.withDetail("failedRequests", state.failedRequests())
				.withDetail("nextAttempt", text(state.nextAttempt()));
			case CREDENTIALS_REJECTED -> Health.down();
		};
		if (state.error() != null) {
			health.withDetail("error", state.error());
			if (state.status() == TokenState.Status.VALID) {
				health.withDetail("nextAttempt", text(state.nextAttempt()));
			}
		}
		return health.withDetail("clientId", state.clientId()).withDetail("state", name(state.status())).build();
	}

	private static String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "unknown";
	}

	private static String name(TokenState.Status status) {
		return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
