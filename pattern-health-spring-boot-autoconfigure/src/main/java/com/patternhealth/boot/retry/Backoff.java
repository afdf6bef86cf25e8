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
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.Assert;

/**
 * Exponential backoff with jitter: after {@code n} attempts, a delay between half and the
 * whole of {@code initial × 2^(n-1)}, capped at the longest backoff. Token requests and
 * the API calls that are sent again share this one formula.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class Backoff {

	private final Duration initial;

	private final Duration max;

	/**
	 * Create a new backoff.
	 * @param initial the nominal delay after the first attempt, not negative
	 * @param max the longest delay, not negative
	 */
	public Backoff(Duration initial, Duration max) {
		Assert.isTrue(!initial.isNegative(), "'initial' must not be negative");
		Assert.isTrue(!max.isNegative(), "'max' must not be negative");
		this.initial = initial;
		this.max = max;
	}

	/**
	 * Return the delay before the next attempt.
	 * @param attempts the number of attempts made so far, at least 1
	 * @return the delay, between half and the whole of the nominal one
	 */
	public Duration after(long attempts) {
		long nominal = this.initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
		long capped = Math.min(Math.max(nominal, 0), this.max.toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

}
