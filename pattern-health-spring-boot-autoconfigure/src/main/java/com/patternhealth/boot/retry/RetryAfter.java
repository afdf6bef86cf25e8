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

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Reads a {@code Retry-After} header: a number of seconds or an HTTP date, read on the
 * given clock. Token requests and the API calls that are sent again both honour it.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Return the delay a {@code Retry-After} header asks for.
	 * @param headers the headers of an answer
	 * @param clock the clock that an HTTP date is compared with
	 * @return the delay, never negative, or {@code null} without a readable header
	 */
	public static @Nullable Duration parse(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime date = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(clock.instant(), date.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (RuntimeException unparsable) {
				return null;
			}
		}
	}

}
