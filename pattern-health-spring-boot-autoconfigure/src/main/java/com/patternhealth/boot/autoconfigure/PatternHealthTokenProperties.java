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
 * Settings of the access token's lifecycle, under {@code patternhealth.token}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthTokenProperties {

	/**
	 * Whether to URL-encode the client ID and secret before Base64 encoding them, as RFC
	 * 6749 section 2.3.1 asks. Pattern Health expects them as written.
	 */
	private boolean encodeCredentials;

	/**
	 * Lifetime of a token whose answer has no expires_in.
	 */
	private Duration defaultExpiresIn = Duration.ofMinutes(5);

	/**
	 * Longest lifetime given to a token, whatever its expires_in says.
	 */
	private Duration maxLifetime = Duration.ofHours(24);

	/**
	 * Share of a token's lifetime, counted back from its expiry, during which one
	 * background refresh runs while calls keep using the token.
	 */
	private double refreshAhead = 0.1;

	/**
	 * Share of a token's lifetime, counted back from its expiry, during which calls no
	 * longer use it and wait for a new one.
	 */
	private double expiryMargin = 0.02;

	/**
	 * Time limit of one token request, from connecting to reading the answer.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * How long after Pattern Health rejected the credentials calls fail at once, without
	 * asking the token endpoint again.
	 */
	private Duration rejectedCredentialsCooldown = Duration.ofSeconds(1);

	/**
	 * Shortest time between two token requests caused by 401 answers of the API. A 401 to
	 * a token younger than this is the resource's answer and is handed to the caller
	 * without a new token.
	 */
	private Duration unauthorizedReplacementInterval = Duration.ofSeconds(5);

	private final Retry retry = new Retry();

	public boolean isEncodeCredentials() {
		return this.encodeCredentials;
	}

	public void setEncodeCredentials(boolean encodeCredentials) {
		this.encodeCredentials = encodeCredentials;
	}

	public Duration getDefaultExpiresIn() {
		return this.defaultExpiresIn;
	}

	public void setDefaultExpiresIn(Duration defaultExpiresIn) {
		this.defaultExpiresIn = defaultExpiresIn;
	}

	public Duration getMaxLifetime() {
		return this.maxLifetime;
	}

	public void setMaxLifetime(Duration maxLifetime) {
		this.maxLifetime = maxLifetime;
	}

	public double getRefreshAhead() {
		return this.refreshAhead;
	}

	public void setRefreshAhead(double refreshAhead) {
		this.refreshAhead = refreshAhead;
	}

	public double getExpiryMargin() {
		return this.expiryMargin;
	}

	public void setExpiryMargin(double expiryMargin) {
		this.expiryMargin = expiryMargin;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getRejectedCredentialsCooldown() {
		return this.rejectedCredentialsCooldown;
	}

	public void setRejectedCredentialsCooldown(Duration rejectedCredentialsCooldown) {
		this.rejectedCredentialsCooldown = rejectedCredentialsCooldown;
	}

	public Duration getUnauthorizedReplacementInterval() {
		return this.unauthorizedReplacementInterval;
	}

	public void setUnauthorizedReplacementInterval(Duration unauthorizedReplacementInterval) {
		this.unauthorizedReplacementInterval = unauthorizedReplacementInterval;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Retries of token requests that failed for a reason that may pass.
	 */
	public static class Retry {

		/**
		 * Number of attempts of a token request that fails with 408, 429, 5xx, an I/O
		 * error or a timeout, the first attempt included.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the second attempt. It doubles with each attempt, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest delay between two attempts of one token request. A Retry-After longer
		 * than this ends the attempts, and the next token request waits for it.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Longest Retry-After of the token endpoint that is honoured; a longer one is cut
		 * to this.
		 */
		private Duration maxRetryAfter = Duration.ofMinutes(2);

		/**
		 * How long calls without a valid token fail at once after a token request failed
		 * in every attempt (timeouts, refused connections, 408, 429, 5xx). It doubles
		 * with each further failed request, with jitter; a longer Retry-After wins.
		 */
		private Duration roundBackoff = Duration.ofSeconds(1);

		/**
		 * Longest time calls without a valid token fail at once after failed token
		 * requests, unless a Retry-After asks for more.
		 */
		private Duration maxRoundBackoff = Duration.ofSeconds(30);

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

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public Duration getRoundBackoff() {
			return this.roundBackoff;
		}

		public void setRoundBackoff(Duration roundBackoff) {
			this.roundBackoff = roundBackoff;
		}

		public Duration getMaxRoundBackoff() {
			return this.maxRoundBackoff;
		}

		public void setMaxRoundBackoff(Duration maxRoundBackoff) {
			this.maxRoundBackoff = maxRoundBackoff;
		}

	}

}
