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
import java.time.Instant;

import com.patternhealth.boot.token.MutableClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthRetryPolicy}.
 */
class PatternHealthRetryPolicyTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final PatternHealthRetryPolicy policy = new PatternHealthRetryPolicy(3, Duration.ofMillis(500),
			Duration.ofSeconds(5), Duration.ofSeconds(10), this.clock);

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS", "PUT", "DELETE" })
	void sendsAnIdempotentRequestAgainAfter429Or503(String method) {
		assertThat(delay(HttpMethod.valueOf(method), 429, new HttpHeaders(), 1)).isNotNull();
		assertThat(delay(HttpMethod.valueOf(method), 503, new HttpHeaders(), 1)).isNotNull();
		assertThat(this.policy.mayRetry(HttpMethod.valueOf(method), HttpStatusCode.valueOf(429), 1)).isTrue();
		assertThat(this.policy.mayRetry(HttpMethod.valueOf(method), HttpStatusCode.valueOf(503), 1)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PATCH" })
	void neverSendsPostOrPatchAgain(String method) {
		assertThat(delay(HttpMethod.valueOf(method), 429, new HttpHeaders(), 1)).isNull();
		assertThat(delay(HttpMethod.valueOf(method), 503, new HttpHeaders(), 1)).isNull();
		assertThat(this.policy.mayRetry(HttpMethod.valueOf(method), HttpStatusCode.valueOf(429), 1)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 204, 400, 401, 404, 408, 500, 502, 504 })
	void handsOtherAnswersToTheCaller(int status) {
		assertThat(delay(HttpMethod.GET, status, new HttpHeaders(), 1)).isNull();
		assertThat(this.policy.mayRetry(HttpMethod.GET, HttpStatusCode.valueOf(status), 1)).isFalse();
	}

	@Test
	void stopsAfterTheLastAttempt() {
		assertThat(delay(HttpMethod.GET, 429, new HttpHeaders(), 2)).isNotNull();
		assertThat(delay(HttpMethod.GET, 429, new HttpHeaders(), 3)).isNull();
		assertThat(this.policy.mayRetry(HttpMethod.GET, HttpStatusCode.valueOf(429), 2)).isTrue();
		assertThat(this.policy.mayRetry(HttpMethod.GET, HttpStatusCode.valueOf(429), 3)).isFalse();
	}

	@Test
	void neverSendsAgainWithASingleAttempt() {
		PatternHealthRetryPolicy once = new PatternHealthRetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(5),
				Duration.ofSeconds(10));
		assertThat(once.delay(HttpMethod.GET, HttpStatusCode.valueOf(429), new HttpHeaders(), 1)).isNull();
	}

	@RepeatedTest(20)
	void backsOffExponentiallyWithJitterWithoutRetryAfter() {
		assertThat(delay(HttpMethod.GET, 429, new HttpHeaders(), 1)).isBetween(Duration.ofMillis(250),
				Duration.ofMillis(500));
		assertThat(delay(HttpMethod.GET, 503, new HttpHeaders(), 2)).isBetween(Duration.ofMillis(500),
				Duration.ofMillis(1000));
	}

	@Test
	void neverWaitsLessThanRetryAfterInSeconds() {
		assertThat(delay(HttpMethod.GET, 429, retryAfter("4"), 1)).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void readsARetryAfterDateOnTheClock() {
		assertThat(delay(HttpMethod.GET, 503, retryAfter("Thu, 01 Jan 2026 00:00:07 GMT"), 1))
			.isEqualTo(Duration.ofSeconds(7));
	}

	@RepeatedTest(5)
	void waitsTheBackoffWhenRetryAfterIsShorter() {
		assertThat(delay(HttpMethod.GET, 429, retryAfter("0"), 1)).isBetween(Duration.ofMillis(250),
				Duration.ofMillis(500));
	}

	@Test
	void waitsUpToTheMaximumWaitForRetryAfter() {
		assertThat(delay(HttpMethod.GET, 429, retryAfter("10"), 1)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void handsTheAnswerToTheCallerWhenRetryAfterExceedsTheMaximumWait() {
		assertThat(delay(HttpMethod.GET, 429, retryAfter("11"), 1)).isNull();
		assertThat(delay(HttpMethod.GET, 503, retryAfter("Thu, 01 Jan 2026 01:00:00 GMT"), 1)).isNull();
	}

	@RepeatedTest(5)
	void neverWaitsLongerThanTheMaximumWait() {
		PatternHealthRetryPolicy shortWait = new PatternHealthRetryPolicy(10, Duration.ofSeconds(4),
				Duration.ofSeconds(5), Duration.ofSeconds(1));
		assertThat(shortWait.delay(HttpMethod.GET, HttpStatusCode.valueOf(429), new HttpHeaders(), 9))
			.isLessThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void rejectsSettingsThatCannotWork() {
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new PatternHealthRetryPolicy(0, second, second, second))
			.withMessage("'maxAttempts' must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthRetryPolicy(3, Duration.ZERO, second, second))
			.withMessage("'initialBackoff' must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthRetryPolicy(3, Duration.ofSeconds(2), second, second))
			.withMessage("'initialBackoff' must not exceed 'maxBackoff'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthRetryPolicy(3, second, second, Duration.ZERO))
			.withMessage("'maxWait' must be positive");
	}

	private Duration delay(HttpMethod method, int status, HttpHeaders headers, int attempts) {
		return this.policy.delay(method, HttpStatusCode.valueOf(status), headers, attempts);
	}

	private static HttpHeaders retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		return headers;
	}

}
