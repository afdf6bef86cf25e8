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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.Assert;

/**
 * When to send a Pattern Health API request again, and after how long. Only an idempotent
 * request ({@code GET}, {@code HEAD}, {@code OPTIONS}, {@code PUT}, {@code DELETE})
 * answered {@code 429} or {@code 503} is sent again, up to the maximum number of
 * attempts, after a jittered exponential {@link Backoff}. The wait is never shorter than
 * the answer's {@code Retry-After} and never longer than the maximum wait: an answer
 * whose {@code Retry-After} asks for longer goes to the caller at once.
 * <p>
 * The retry filter of {@code WebClient} and the retry interceptor of {@code RestClient}
 * apply it.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthRetryPolicy {

	private static final Log logger = LogFactory.getLog(PatternHealthRetryPolicy.class);

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private final int maxAttempts;

	private final Backoff backoff;

	private final Duration maxWait;

	private final Clock clock;

	/**
	 * Create a new policy.
	 * @param maxAttempts the number of attempts of a request, the first one included, at
	 * least 1
	 * @param initialBackoff the nominal delay before the second attempt, positive
	 * @param maxBackoff the longest backoff, not shorter than the initial one
	 * @param maxWait the longest wait before an attempt, positive
	 */
	public PatternHealthRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxWait) {
		this(maxAttempts, initialBackoff, maxBackoff, maxWait, Clock.systemUTC());
	}

	PatternHealthRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxWait,
			Clock clock) {
		Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
		Assert.isTrue(isPositive(initialBackoff), "'initialBackoff' must be positive");
		Assert.isTrue(initialBackoff.compareTo(maxBackoff) <= 0, "'initialBackoff' must not exceed 'maxBackoff'");
		Assert.isTrue(isPositive(maxWait), "'maxWait' must be positive");
		this.maxAttempts = maxAttempts;
		this.backoff = new Backoff(initialBackoff, maxBackoff);
		this.maxWait = maxWait;
		this.clock = clock;
	}

	/**
	 * Return whether a request may be sent again, before its answer's headers are read:
	 * an idempotent request answered {@code 429} or {@code 503}, with attempts left. The
	 * {@link #delay} may still be {@code null}, when the answer asks for a longer wait
	 * than the policy allows.
	 * @param method the method of the request
	 * @param status the status of the answer
	 * @param attempts the number of attempts made so far
	 * @return whether {@link #delay} may return a wait
	 */
	public boolean mayRetry(HttpMethod method, HttpStatusCode status, int attempts) {
		return attempts < this.maxAttempts && IDEMPOTENT.contains(method)
				&& (status.value() == 429 || status.value() == 503);
	}

	/**
	 * Return how long to wait before sending a request again, or {@code null} to hand the
	 * answer to the caller.
	 * @param method the method of the request
	 * @param status the status of the answer
	 * @param headers the headers of the answer
	 * @param attempts the number of attempts made so far
	 * @return the wait, or {@code null}
	 */
	public @Nullable Duration delay(HttpMethod method, HttpStatusCode status, HttpHeaders headers, int attempts) {
		if (!mayRetry(method, status, attempts)) {
			return null;
		}
		Duration retryAfter = RetryAfter.parse(headers, this.clock);
		if (retryAfter != null && retryAfter.compareTo(this.maxWait) > 0) {
			return null;
		}
		Duration delay = this.backoff.after(attempts);
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = retryAfter;
		}
		return (delay.compareTo(this.maxWait) > 0) ? this.maxWait : delay;
	}

	/**
	 * Log, at debug level, that a request is sent again.
	 * @param method the method of the request
	 * @param url the URL of the request, of which only the path is logged
	 * @param status the status of the answer
	 * @param delay the wait before the request is sent again
	 * @param attempts the number of attempts made so far
	 */
	public void logRetry(HttpMethod method, URI url, HttpStatusCode status, Duration delay, int attempts) {
		if (logger.isDebugEnabled()) {
			logger.debug(String.format(Locale.ROOT,
					"Pattern Health answered %d to %s %s; sending it again in %.1f s (attempt %d of %d)",
					status.value(), method, url.getPath(), delay.toMillis() / 1000.0, attempts + 1, this.maxAttempts));
		}
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
