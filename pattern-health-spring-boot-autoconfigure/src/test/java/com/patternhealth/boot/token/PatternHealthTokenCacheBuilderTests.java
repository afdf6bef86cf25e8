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
import java.time.Duration;

import com.patternhealth.boot.autoconfigure.PatternHealthProperties;
import com.patternhealth.boot.autoconfigure.PatternHealthTokenProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthTokenCacheBuilder}.
 */
class PatternHealthTokenCacheBuilderTests {

	private final PatternHealthTokenCacheBuilder builder = PatternHealthTokenCache
		.withCredentials(URI.create("https://api.example.com/api/auth/token"), "client-7", "secret");

	@Test
	void hasTheDefaultsOfTheProperties() {
		PatternHealthTokenProperties token = new PatternHealthProperties().getToken();
		assertThat(this.builder.encodeCredentials).isEqualTo(token.isEncodeCredentials());
		assertThat(this.builder.defaultExpiresIn).isEqualTo(token.getDefaultExpiresIn());
		assertThat(this.builder.maxLifetime).isEqualTo(token.getMaxLifetime());
		assertThat(this.builder.refreshAhead).isEqualTo(token.getRefreshAhead());
		assertThat(this.builder.expiryMargin).isEqualTo(token.getExpiryMargin());
		assertThat(this.builder.timeout).isEqualTo(token.getTimeout());
		assertThat(this.builder.rejectedCredentialsCooldown).isEqualTo(token.getRejectedCredentialsCooldown());
		assertThat(this.builder.unauthorizedReplacementInterval).isEqualTo(token.getUnauthorizedReplacementInterval());
		assertThat(this.builder.maxAttempts).isEqualTo(token.getRetry().getMaxAttempts());
		assertThat(this.builder.initialBackoff).isEqualTo(token.getRetry().getInitialBackoff());
		assertThat(this.builder.maxBackoff).isEqualTo(token.getRetry().getMaxBackoff());
		assertThat(this.builder.maxRetryAfter).isEqualTo(token.getRetry().getMaxRetryAfter());
		assertThat(this.builder.roundBackoff).isEqualTo(token.getRetry().getRoundBackoff());
		assertThat(this.builder.maxRoundBackoff).isEqualTo(token.getRetry().getMaxRoundBackoff());
	}

	@Test
	void refusesARoundBackoffThatIsNotPositiveOrAboveTheLongest() {
		for (Duration roundBackoff : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(31) }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> this.builder.roundBackoff(roundBackoff, Duration.ofSeconds(30)))
				.withMessage("'roundBackoff' must be positive and at most 'maxRoundBackoff'");
		}
	}

}
