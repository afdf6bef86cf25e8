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
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Retries a token request that failed for a reason that may pass: a {@code 408},
 * {@code 429} or {@code 5xx} answer, an I/O error or a timeout. The delay grows
 * exponentially with jitter and never undercuts a {@code Retry-After} header; a request
 * whose {@code Retry-After} exceeds the longest backoff is not retried. Rejected
 * credentials and malformed answers are never retried.
 * <p>
 * A failure tells whether it is transient, and its {@code Retry-After}, as a
 * {@link RetryableFailure}; any other failure is transient when an I/O error or a timeout
 * is at some depth of its cause chain.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class TokenRetryPolicy {

	private final int maxAttempts;

	private final Backoff backoff;

	private final Duration maxBackoff;

	/**
	 * Create a new policy.
	 * @param maxAttempts the number of attempts of a request, the first one included
	 * @param initialBackoff the nominal delay before the second attempt
	 * @param maxBackoff the longest backoff, and the longest {@code Retry-After} that is
	 * waited for
	 */
	public TokenRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this.maxAttempts = maxAttempts;
		this.backoff = new Backoff(initialBackoff, maxBackoff);
		this.maxBackoff = maxBackoff;
	}

	/**
	 * Return the delay before the next attempt, or {@code null} to give up.
	 * @param failure the failure of the last attempt
	 * @param attempts the number of attempts made so far
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration delay(Throwable failure, long attempts) {
		if (attempts >= this.maxAttempts || !isTransient(failure)) {
			return null;
		}
		Duration backoff = backoff(attempts);
		Duration retryAfter = (failure instanceof RetryableFailure retryable) ? retryable.getRetryAfter() : null;
		if (retryAfter == null) {
			return backoff;
		}
		return (retryAfter.compareTo(this.maxBackoff) <= 0) ? max(retryAfter, backoff) : null;
	}

	/**
	 * Return the exponential backoff after the given number of attempts, see
	 * {@link Backoff}.
	 * @param attempts the number of attempts made so far
	 * @return the backoff
	 */
	Duration backoff(long attempts) {
		return this.backoff.after(attempts);
	}

	/**
	 * Whether a failure may pass: a transient answer, a timeout, or an I/O error at any
	 * depth of the cause chain.
	 * @param failure the failure of an attempt
	 * @return whether the same request may succeed if sent again
	 */
	public static boolean isTransient(Throwable failure) {
		if (failure instanceof RetryableFailure retryable) {
			return retryable.isTransient();
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof IOException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
