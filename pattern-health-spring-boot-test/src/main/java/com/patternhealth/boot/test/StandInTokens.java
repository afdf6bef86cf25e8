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

package com.patternhealth.boot.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of a {@link PatternHealthStandIn}: the credentials it accepts, the tokens it
 * issued and when each expires.
 *
 * @author Pattern Health Spring Boot authors
 */
final class StandInTokens {

	private final String expectedBasicCredentials;

	private final Duration configuredLifetime;

	private final Clock clock;

	private final Map<String, Instant> issued = new ConcurrentHashMap<>();

	private volatile Duration lifetime;

	StandInTokens(String clientId, String clientSecret, Duration lifetime, Clock clock) {
		this.expectedBasicCredentials = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		this.configuredLifetime = lifetime;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	Duration lifetime() {
		return this.lifetime;
	}

	void setLifetime(Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("'tokenLifetime' must be positive, not " + lifetime);
		}
		this.lifetime = lifetime;
	}

	void resetLifetime() {
		this.lifetime = this.configuredLifetime;
	}

	void expireAll() {
		this.issued.replaceAll((token, expiresAt) -> Instant.MIN);
	}

	boolean acceptsBasic(@Nullable String authorization) {
		return this.expectedBasicCredentials.equals(credentials(authorization, "Basic"));
	}

	IssuedToken issue() {
		Duration lifetime = this.lifetime;
		String value = "stand-in-" + UUID.randomUUID();
		this.issued.put(value, this.clock.instant().plus(lifetime));
		return new IssuedToken(value, lifetime);
	}

	TokenCheck check(@Nullable String authorization) {
		String token = credentials(authorization, "Bearer");
		if (token == null) {
			return TokenCheck.MISSING;
		}
		Instant expiresAt = this.issued.get(token);
		if (expiresAt == null) {
			return TokenCheck.UNKNOWN;
		}
		return this.clock.instant().isBefore(expiresAt) ? TokenCheck.VALID : TokenCheck.EXPIRED;
	}

	private static @Nullable String credentials(@Nullable String authorization, String scheme) {
		if (authorization == null || authorization.length() <= scheme.length()
				|| !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
			return null;
		}
		return authorization.substring(scheme.length() + 1);
	}

	/**
	 * A token just issued.
	 */
	record IssuedToken(String value, Duration lifetime) {

	}

	/**
	 * What the stand-in makes of the bearer token of a request.
	 */
	enum TokenCheck {

		VALID, MISSING, UNKNOWN, EXPIRED

	}

}
