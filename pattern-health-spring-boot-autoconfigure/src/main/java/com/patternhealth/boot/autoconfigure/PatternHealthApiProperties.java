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

package com.patternhealth.boot.autoconfigure;

import java.time.Duration;

/**
 * Settings of the calls to the Pattern Health API, under {@code patternhealth.api}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthApiProperties {

	private final Retry retry = new Retry();

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Sending an idempotent API request again after a 429 or 503 answer.
	 */
	public static class Retry {

		/**
		 * Whether to send a GET, HEAD, OPTIONS, PUT or DELETE request again when Pattern
		 * Health answers 429 or 503.
		 */
		private boolean enabled = true;

		/**
		 * Number of attempts of an API request answered 429 or 503, the first attempt
		 * included.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the second attempt. It doubles with each attempt, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest delay between two attempts, unless the answer's Retry-After asks for
		 * more.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Longest wait before an attempt. An answer whose Retry-After asks for longer
		 * goes to the caller at once.
		 */
		private Duration maxWait = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}
