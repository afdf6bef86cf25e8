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

package com.patternhealth.boot.retry;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Backoff}.
 */
class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

	@RepeatedTest(20)
	void doublesWithEachAttemptWithJitterBetweenHalfAndTheWhole() {
		assertThat(this.backoff.after(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
		assertThat(this.backoff.after(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
		assertThat(this.backoff.after(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
	}

	@RepeatedTest(20)
	void neverExceedsTheLongestBackoffWhateverTheAttempt() {
		assertThat(this.backoff.after(5)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
		assertThat(this.backoff.after(40)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
		assertThat(this.backoff.after(Long.MAX_VALUE)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
	}

	@Test
	void rejectsNegativeDurations() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ZERO))
			.withMessage("'initial' must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMillis(-1)))
			.withMessage("'max' must not be negative");
	}

	@Test
	void waitsNothingAfterAZeroBackoff() {
		Backoff none = new Backoff(Duration.ZERO, Duration.ZERO);
		assertThat(none.after(1)).isZero();
		assertThat(none.after(10)).isZero();
	}

	@RepeatedTest(20)
	void waitsAtMostTheWholeOfAOneMillisecondBackoff() {
		assertThat(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)).after(3)).isBetween(Duration.ZERO,
				Duration.ofMillis(1));
	}

}
