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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link PatternHealthTokenCache}, as its
 * {@linkplain PatternHealthTokenCacheBuilder builder} checked them: fixed for the life of
 * the cache, whatever happens to the builder afterwards.
 *
 * @param tokenUri the absolute URI of the token endpoint
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param tokenClient makes the client that sends the token requests
 * @param encodeCredentials whether the credentials are URL-encoded before Base64
 * @param defaultExpiresIn the lifetime of a token whose answer has none
 * @param refreshAhead the share of a lifetime during which one background refresh runs
 * @param expiryMargin the share of a lifetime during which a token is no longer used
 * @param timeout the time limit of one token request
 * @param maxAttempts the attempts of one token acquisition, the first included
 * @param initialBackoff the delay before the second attempt
 * @param maxBackoff the longest delay between two attempts
 * @param maxRetryAfter the longest honoured {@code Retry-After}
 * @param roundBackoff the nominal backoff after the first failed round
 * @param maxRoundBackoff the longest backoff between two rounds
 * @param maxLifetime the longest lifetime given to a token
 * @param rejectedCredentialsCooldown how long rejected credentials fail at once
 * @param unauthorizedReplacementInterval the shortest time between two token requests
 * caused by {@code 401} answers
 * @param clock the clock that times token lifetimes
 * @param name the name of the client, as observations and health show it
 * @param observationRegistry the registry that observes token acquisitions
 * @param observationConvention the convention of the observations, or {@code null} for
 * the default one
 * @author Pattern Health Spring Boot authors
 */
record TokenCacheSettings(URI tokenUri, String clientId, String clientSecret,
		Function<TokenRequestSpec, TokenClient> tokenClient, boolean encodeCredentials, Duration defaultExpiresIn,
		double refreshAhead, double expiryMargin, Duration timeout, int maxAttempts, Duration initialBackoff,
		Duration maxBackoff, Duration maxRetryAfter, Duration roundBackoff, Duration maxRoundBackoff,
		Duration maxLifetime, Duration rejectedCredentialsCooldown, Duration unauthorizedReplacementInterval,
		Clock clock, String name, ObservationRegistry observationRegistry,
		@Nullable TokenRequestObservationConvention observationConvention) {

	/**
	 * The longest a blocking caller waits for the shared token request: every attempt
	 * timing out after the longest backoff, and a second more.
	 */
	Duration maxWait() {
		long attempts = Math.min(this.maxAttempts, 1000);
		return this.timeout.plus(this.maxBackoff).multipliedBy(attempts).plusSeconds(1);
	}

	/**
	 * Describe the settings without the client secret.
	 */
	@Override
	public String toString() {
		return "TokenCacheSettings[name=" + this.name + ", clientId=" + this.clientId + ", tokenUri=" + this.tokenUri
				+ "]";
	}

}
