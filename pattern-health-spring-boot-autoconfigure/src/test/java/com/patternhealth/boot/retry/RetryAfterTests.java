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
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryAfter}.
 */
class RetryAfterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.parse(retryAfter("3"), this.clock)).isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryAfter.parse(retryAfter(" 0 "), this.clock)).isZero();
		assertThat(RetryAfter.parse(retryAfter("-5"), this.clock)).isZero();
	}

	@Test
	void readsAnHttpDateOnTheClock() {
		assertThat(RetryAfter.parse(retryAfter("Thu, 01 Jan 2026 00:00:20 GMT"), this.clock))
			.isEqualTo(Duration.ofSeconds(20));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse(retryAfter("Thu, 01 Jan 2026 00:00:20 GMT"), this.clock)).isZero();
	}

	@Test
	void readsNothingFromAMissingOrUnreadableHeader() {
		assertThat(RetryAfter.parse(new HttpHeaders(), this.clock)).isNull();
		assertThat(RetryAfter.parse(retryAfter(" "), this.clock)).isNull();
		assertThat(RetryAfter.parse(retryAfter("soon"), this.clock)).isNull();
	}

	private static HttpHeaders retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		return headers;
	}

}
