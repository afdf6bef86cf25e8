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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.patternhealth.boot.token.PatternHealthCredentialsRejectedException;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenRetryPolicy}.
 */
class TokenRetryPolicyTests {

	private final TokenRetryPolicy retry = new TokenRetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

	@RepeatedTest(20)
	void backsOffExponentiallyWithJitter() {
		assertThat(this.retry.backoff(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(this.retry.backoff(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(this.retry.backoff(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
		assertThat(this.retry.backoff(40)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
	}

	@Test
	void waitsARetryAfterAsLongAsTheLongestBackoff() {
		assertThat(this.retry.delay(answered(503, Duration.ofSeconds(5)), 1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.retry.delay(answered(503, Duration.ofMillis(5001)), 1)).isNull();
	}

	@Test
	void retriesServerErrorsRateLimitsTimeoutsAndIoErrors() {
		assertThat(this.retry.delay(answered(503, null), 1)).isNotNull();
		assertThat(this.retry.delay(answered(429, null), 1)).isNotNull();
		assertThat(this.retry.delay(answered(408, null), 1)).isNotNull();
		assertThat(this.retry.delay(new TimeoutException(), 1)).isNotNull();
		assertThat(this.retry.delay(new IOException("Connection reset"), 1)).isNotNull();
		assertThat(this.retry.delay(new WebClientRequestException(new IOException("Connection refused"),
				HttpMethod.POST, URI.create("http://localhost/api/auth/token"), new HttpHeaders()), 1))
			.isNotNull();
	}

	@Test
	void neverRetriesRejectedCredentialsOrMalformedAnswers() {
		assertThat(this.retry.delay(new PatternHealthCredentialsRejectedException(new OAuth2Error("invalid_client"),
				HttpStatus.UNAUTHORIZED, "rejected"), 1))
			.isNull();
		assertThat(this.retry.delay(answered(200, null), 1)).isNull();
		assertThat(this.retry.delay(answered(404, null), 1)).isNull();
		assertThat(this.retry.delay(new IllegalStateException(), 1)).isNull();
	}

	@Test
	void stopsAfterTheLastAttempt() {
		assertThat(this.retry.delay(answered(503, null), 3)).isNotNull();
		assertThat(this.retry.delay(answered(503, null), 4)).isNull();
	}

	@Test
	void neverRetriesSoonerThanRetryAfter() {
		assertThat(this.retry.delay(answered(429, Duration.ofSeconds(2)), 1)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void givesUpWhenRetryAfterExceedsTheLongestBackoff() {
		assertThat(this.retry.delay(answered(429, Duration.ofSeconds(120)), 1)).isNull();
	}

	private static PatternHealthTokenException answered(int status, Duration retryAfter) {
		return new PatternHealthTokenException(new OAuth2Error("server_error"), HttpStatusCode.valueOf(status),
				retryAfter, "answered " + status, null);
	}

}
