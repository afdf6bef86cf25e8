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
 * Token settings of a named client, under {@code patternhealth.clients.<name>.token}.
 * Each one left unset is that of {@code patternhealth.token}, as
 * {@link PatternHealthPropertiesMapper} lays these over
 * {@link PatternHealthTokenProperties}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthClientTokenProperties {

	/**
	 * Whether to URL-encode this client's ID and secret before Base64 encoding them. When
	 * not set, patternhealth.token.encode-credentials applies.
	 */
	private @Nullable Boolean encodeCredentials;

	/**
	 * Lifetime of a token whose answer has no expires_in. When not set,
	 * patternhealth.token.default-expires-in applies.
	 */
	private @Nullable Duration defaultExpiresIn;

	/**
	 * Longest lifetime given to a token, whatever its expires_in says. When not set,
	 * patternhealth.token.max-lifetime applies.
	 */
	private @Nullable Duration maxLifetime;

	/**
	 * Share of a token's lifetime, counted back from its expiry, during which one
	 * background refresh runs. When not set, patternhealth.token.refresh-ahead applies.
	 */
	private @Nullable Double refreshAhead;

	/**
	 * Share of a token's lifetime, counted back from its expiry, during which calls wait
	 * for a new one. When not set, patternhealth.token.expiry-margin applies.
	 */
	private @Nullable Double expiryMargin;

	/**
	 * Time limit of one token request. When not set, patternhealth.token.timeout applies.
	 */
	private @Nullable Duration timeout;

	/**
	 * How long after rejected credentials calls fail at once. When not set,
	 * patternhealth.token.rejected-credentials-cooldown applies.
	 */
	private @Nullable Duration rejectedCredentialsCooldown;

	/**
	 * Shortest time between two token requests caused by 401 answers of the API. When not
	 * set, patternhealth.token.unauthorized-replacement-interval applies.
	 */
	private @Nullable Duration unauthorizedReplacementInterval;

	private final Retry retry = new Retry();

	public @Nullable Boolean getEncodeCredentials() {
		return this.encodeCredentials;
	}

	public void setEncodeCredentials(@Nullable Boolean encodeCredentials) {
		this.encodeCredentials = encodeCredentials;
	}

	public @Nullable Duration getDefaultExpiresIn() {
		return this.defaultExpiresIn;
	}

	public void setDefaultExpiresIn(@Nullable Duration defaultExpiresIn) {
		this.defaultExpiresIn = defaultExpiresIn;
	}

	public @Nullable Duration getMaxLifetime() {
		return this.maxLifetime;
	}

	public void setMaxLifetime(@Nullable Duration maxLifetime) {
		this.maxLifetime = maxLifetime;
	}

	public @Nullable Double getRefreshAhead() {
		return this.refreshAhead;
	}

	public void setRefreshAhead(@Nullable Double refreshAhead) {
		this.refreshAhead = refreshAhead;
	}

	public @Nullable Double getExpiryMargin() {
		return this.expiryMargin;
	}

	public void setExpiryMargin(@Nullable Double expiryMargin) {
		this.expiryMargin = expiryMargin;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Duration getRejectedCredentialsCooldown() {
		return this.rejectedCredentialsCooldown;
	}

	public void setRejectedCredentialsCooldown(@Nullable Duration rejectedCredentialsCooldown) {
		this.rejectedCredentialsCooldown = rejectedCredentialsCooldown;
	}

	public @Nullable Duration getUnauthorizedReplacementInterval() {
		return this.unauthorizedReplacementInterval;
	}

	public void setUnauthorizedReplacementInterval(@Nullable Duration unauthorizedReplacementInterval) {
		this.unauthorizedReplacementInterval = unauthorizedReplacementInterval;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Retries of this client's token requests, under
	 * {@code patternhealth.clients.<name>.token.retry}.
	 */
	public static class Retry {

		/**
		 * Number of attempts of a token request that fails in a way that may pass, the
		 * first attempt included. When not set, patternhealth.token.retry.max-attempts
		 * applies.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Delay before the second attempt. When not set,
		 * patternhealth.token.retry.initial-backoff applies.
		 */
		private @Nullable Duration initialBackoff;

		/**
		 * Longest delay between two attempts of one token request. When not set,
		 * patternhealth.token.retry.max-backoff applies.
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Longest Retry-After of the token endpoint that is honoured. When not set,
		 * patternhealth.token.retry.max-retry-after applies.
		 */
		private @Nullable Duration maxRetryAfter;

		/**
		 * How long calls without a valid token fail at once after a token request failed
		 * in every attempt. When not set, patternhealth.token.retry.round-backoff
		 * applies.
		 */
		private @Nullable Duration roundBackoff;

		/**
		 * Longest time calls without a valid token fail at once after failed token
		 * requests. When not set, patternhealth.token.retry.max-round-backoff applies.
		 */
		private @Nullable Duration maxRoundBackoff;

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

		public @Nullable Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(@Nullable Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public @Nullable Duration getRoundBackoff() {
			return this.roundBackoff;
		}

		public void setRoundBackoff(@Nullable Duration roundBackoff) {
			this.roundBackoff = roundBackoff;
		}

		public @Nullable Duration getMaxRoundBackoff() {
			return this.maxRoundBackoff;
		}

		public void setMaxRoundBackoff(@Nullable Duration maxRoundBackoff) {
			this.maxRoundBackoff = maxRoundBackoff;
		}

	}

}
