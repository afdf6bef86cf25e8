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
import java.time.Instant;
import java.time.ZoneOffset;

import com.patternhealth.boot.autoconfigure.PatternHealthProperties;
import com.patternhealth.boot.autoconfigure.PatternHealthTokenProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link PatternHealthTokenCacheBuilder}.
 */
class PatternHealthTokenCacheBuilderTests {

	private static final URI TOKEN_URI = URI.create("https://api.example.com/api/auth/token");

	private final PatternHealthTokenCacheBuilder builder = PatternHealthTokenCache.withCredentials(TOKEN_URI,
			"client-7", "secret");

	@Test
	void hasTheDefaultsOfTheProperties() {
		PatternHealthTokenProperties token = new PatternHealthProperties().getToken();
		TokenCacheSettings settings = this.builder.settings();
		assertThat(settings.encodeCredentials()).isEqualTo(token.isEncodeCredentials());
		assertThat(settings.defaultExpiresIn()).isEqualTo(token.getDefaultExpiresIn());
		assertThat(settings.maxLifetime()).isEqualTo(token.getMaxLifetime());
		assertThat(settings.refreshAhead()).isEqualTo(token.getRefreshAhead());
		assertThat(settings.expiryMargin()).isEqualTo(token.getExpiryMargin());
		assertThat(settings.timeout()).isEqualTo(token.getTimeout());
		assertThat(settings.rejectedCredentialsCooldown()).isEqualTo(token.getRejectedCredentialsCooldown());
		assertThat(settings.unauthorizedReplacementInterval()).isEqualTo(token.getUnauthorizedReplacementInterval());
		assertThat(settings.maxAttempts()).isEqualTo(token.getRetry().getMaxAttempts());
		assertThat(settings.initialBackoff()).isEqualTo(token.getRetry().getInitialBackoff());
		assertThat(settings.maxBackoff()).isEqualTo(token.getRetry().getMaxBackoff());
		assertThat(settings.maxRetryAfter()).isEqualTo(token.getRetry().getMaxRetryAfter());
		assertThat(settings.roundBackoff()).isEqualTo(token.getRetry().getRoundBackoff());
		assertThat(settings.maxRoundBackoff()).isEqualTo(token.getRetry().getMaxRoundBackoff());
	}

	@Test
	void refusesARoundBackoffThatIsNotPositiveOrAboveTheLongest() {
		for (Duration roundBackoff : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(31) }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.builder.roundBackoff(roundBackoff, Duration.ofSeconds(30)))
				.withMessage("'roundBackoff' must be positive and at most 'maxRoundBackoff'");
		}
	}

	@Test
	void refusesATokenUriThatIsNotAbsoluteAndCredentialsThatAreEmpty() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> PatternHealthTokenCache.withCredentials(URI.create("/api/auth/token"), "client-7", "secret"))
			.withMessage("'tokenUri' must be absolute");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PatternHealthTokenCache.withCredentials(TOKEN_URI, " ", "secret"))
			.withMessage("'clientId' must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PatternHealthTokenCache.withCredentials(TOKEN_URI, "client-7", ""))
			.withMessage("'clientSecret' must not be empty");
	}

	@Test
	void refusesMissingCollaborators() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.webClient(null))
			.withMessage("'webClient' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.restClient(null))
			.withMessage("'restClient' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.observationRegistry(null))
			.withMessage("'observationRegistry' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.clock(null))
			.withMessage("'clock' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.name(" "))
			.withMessage("'name' must not be empty");
	}

	@Test
	void refusesDurationsThatMustBePositiveWhenTheyAreZeroOrNegative() {
		for (Duration duration : new Duration[] { Duration.ZERO, Duration.ofMillis(-1) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.builder.defaultExpiresIn(duration))
				.withMessage("'defaultExpiresIn' must be positive");
			assertThatIllegalArgumentException().isThrownBy(() -> this.builder.timeout(duration))
				.withMessage("'timeout' must be positive");
			assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxLifetime(duration))
				.withMessage("'maxLifetime' must be positive");
		}
		assertThatNoException().isThrownBy(() -> this.builder.defaultExpiresIn(Duration.ofMillis(1))
			.timeout(Duration.ofMillis(1))
			.maxLifetime(Duration.ofMillis(1)));
		TokenCacheSettings settings = this.builder.settings();
		assertThat(settings.defaultExpiresIn()).isEqualTo(Duration.ofMillis(1));
		assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(1));
		assertThat(settings.maxLifetime()).isEqualTo(Duration.ofMillis(1));
	}

	@Test
	void refusesDurationsThatMayBeZeroOnlyWhenTheyAreNegative() {
		Duration negative = Duration.ofMillis(-1);
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxRetryAfter(negative))
			.withMessage("'maxRetryAfter' must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.unauthorizedReplacementInterval(negative))
			.withMessage("'interval' must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.rejectedCredentialsCooldown(negative))
			.withMessage("'cooldown' must not be negative");
		TokenCacheSettings settings = this.builder.maxRetryAfter(Duration.ZERO)
			.unauthorizedReplacementInterval(Duration.ZERO)
			.rejectedCredentialsCooldown(Duration.ZERO)
			.settings();
		assertThat(settings.maxRetryAfter()).isZero();
		assertThat(settings.unauthorizedReplacementInterval()).isZero();
		assertThat(settings.rejectedCredentialsCooldown()).isZero();
	}

	@Test
	void refusesRetriesWithoutAnAttemptOrWithABackoffOutsideTheLongest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.builder.retry(0, Duration.ZERO, Duration.ofSeconds(1)))
			.withMessage("'maxAttempts' must be at least 1");
		for (Duration initialBackoff : new Duration[] { Duration.ofMillis(-1), Duration.ofMillis(1001) }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.builder.retry(2, initialBackoff, Duration.ofSeconds(1)))
				.withMessage("'initialBackoff' must be between zero and 'maxBackoff'");
		}
		TokenCacheSettings zero = this.builder.retry(1, Duration.ZERO, Duration.ofSeconds(1)).settings();
		assertThat(zero.maxAttempts()).isOne();
		assertThat(zero.initialBackoff()).isZero();
		assertThat(zero.maxBackoff()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.builder.retry(2, Duration.ofSeconds(1), Duration.ofSeconds(1)).settings().initialBackoff())
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void acceptsARoundBackoffAsLongAsTheLongest() {
		TokenCacheSettings settings = this.builder.roundBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30))
			.settings();
		assertThat(settings.roundBackoff()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.maxRoundBackoff()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void refusesAnExpiryMarginAndRefreshAheadOutOfOrder() {
		double[][] outOfOrder = { { -0.01, 0.1 }, { 0.1, 0.1 }, { 0.2, 0.1 }, { 0.1, 1 } };
		for (double[] shares : outOfOrder) {
			PatternHealthTokenCacheBuilder builder = this.builder.expiryMargin(shares[0]).refreshAhead(shares[1]);
			assertThatIllegalArgumentException().isThrownBy(builder::build)
				.withMessage("Expected 0 <= expiry margin < refresh ahead < 1, got expiry margin " + shares[0]
						+ " and refresh ahead " + shares[1]);
		}
		TokenCacheSettings settings = this.builder.expiryMargin(0).refreshAhead(0.99).settings();
		assertThat(settings.expiryMargin()).isZero();
		assertThat(settings.refreshAhead()).isEqualTo(0.99);
	}

	@Test
	void waitsForTheSharedTokenRequestAsLongAsEveryAttemptMayTakeAndASecondMore() {
		TokenCacheSettings settings = this.builder.timeout(Duration.ofSeconds(2))
			.retry(3, Duration.ofMillis(100), Duration.ofSeconds(5))
			.settings();
		assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(22));
		TokenCacheSettings unbounded = this.builder.retry(Integer.MAX_VALUE, Duration.ZERO, Duration.ofSeconds(5))
			.settings();
		assertThat(unbounded.maxWait()).isEqualTo(Duration.ofSeconds(7 * 1000 + 1));
	}

	@Test
	void keepsTheSettingsOfABuiltCacheWhenTheBuilderChangesAfterwards() {
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
		try (PatternHealthTokenCache cache = this.builder.name("first").clock(clock).build()) {
			this.builder.name("second");
			assertThat(cache.getName()).isEqualTo("first");
			assertThat(cache.getClientId()).isEqualTo("client-7");
		}
	}

	@Test
	void describesItsSettingsWithoutTheSecret() {
		assertThat(this.builder.name("acme").settings()).hasToString(
				"TokenCacheSettings[name=acme, clientId=client-7, tokenUri=https://api.example.com/api/auth/token]");
	}

}
