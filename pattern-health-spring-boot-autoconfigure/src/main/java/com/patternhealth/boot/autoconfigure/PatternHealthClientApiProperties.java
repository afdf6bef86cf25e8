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

import org.jspecify.annotations.Nullable;

/**
 * Settings of a named client's calls to the Pattern Health API, under
 * {@code patternhealth.clients.<name>.api}. Each one left unset is that of
 * {@code patternhealth.api}, as {@link PatternHealthPropertiesMapper} lays these over
 * {@link PatternHealthApiProperties}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthClientApiProperties {

	private final Retry retry = new Retry();

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Sending this client's idempotent API requests again after a 429 or 503 answer,
	 * under {@code patternhealth.clients.<name>.api.retry}.
	 */
	public static class Retry {

		/**
		 * Whether to send a GET, HEAD, OPTIONS, PUT or DELETE request again when Pattern
		 * Health answers 429 or 503. When not set, patternhealth.api.retry.enabled
		 * applies.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Number of attempts of an API request answered 429 or 503, the first attempt
		 * included. When not set, patternhealth.api.retry.max-attempts applies.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Delay before the second attempt. When not set,
		 * patternhealth.api.retry.initial-backoff applies.
		 */
		private @Nullable Duration initialBackoff;

		/**
		 * Longest delay between two attempts, unless the answer's Retry-After asks for
		 * more. When not set, patternhealth.api.retry.max-backoff applies.
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Longest wait before an attempt. When not set, patternhealth.api.retry.max-wait
		 * applies.
		 */
		private @Nullable Duration maxWait;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public @Nullable Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(@Nullable Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}
