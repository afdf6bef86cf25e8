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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The failures a {@link PatternHealthStandIn} answers on demand, to the next token
 * requests or to the next API requests.
 *
 * @author Pattern Health Spring Boot authors
 */
final class StandInFailures {

	private final AtomicReference<PendingFailures> api = new AtomicReference<>(PendingFailures.NONE);

	private final AtomicReference<PendingFailures> token = new AtomicReference<>(PendingFailures.NONE);

	void failNext(boolean tokenRequests, int status, int count, @Nullable Duration retryAfter) {
		(tokenRequests ? this.token : this.api).set(PendingFailures.of(status, count, retryAfter));
	}

	void reset() {
		this.api.set(PendingFailures.NONE);
		this.token.set(PendingFailures.NONE);
	}

	/**
	 * Return the failure to answer to the next request of the given kind, and count it.
	 * @return the failure, or {@code null} if none is pending
	 */
	@Nullable Failure next(boolean tokenRequest) {
		AtomicReference<PendingFailures> failures = tokenRequest ? this.token : this.api;
		while (true) {
			PendingFailures current = failures.get();
			Assert.state(current != null, "The pending failures are set, NONE when there are none");
			if (current.remaining() == 0) {
				return null;
			}
			if (failures.compareAndSet(current, current.next())) {
				return current.failure();
			}
		}
	}

	/**
	 * A failure to answer: a status and, if positive or zero, a {@code Retry-After} in
	 * seconds.
	 */
	record Failure(int status, long retryAfterSeconds) {

		ResponseDefinition response() {
			return (this.retryAfterSeconds >= 0)
					? Responses.empty(this.status, "Retry-After", Long.toString(this.retryAfterSeconds))
					: Responses.empty(this.status);
		}

	}

	/**
	 * Failures to answer to the next requests.
	 */
	record PendingFailures(Failure failure, int remaining) {

		static final PendingFailures NONE = new PendingFailures(new Failure(0, -1), 0);

		static PendingFailures of(int status, int count, @Nullable Duration retryAfter) {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("'status' must be between 400 and 599, not " + status);
			}
			if (count < 0) {
				throw new IllegalArgumentException("'count' must not be negative, not " + count);
			}
			if (retryAfter != null && retryAfter.isNegative()) {
				throw new IllegalArgumentException("'retryAfter' must not be negative, not " + retryAfter);
			}
			long seconds = (retryAfter != null) ? retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0) : -1;
			return new PendingFailures(new Failure(status, seconds), count);
		}

		PendingFailures next() {
			return new PendingFailures(this.failure, this.remaining - 1);
		}

	}

}
