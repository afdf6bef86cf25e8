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

package com.patternhealth.boot.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.patternhealth.boot.retry.TokenRetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link PatternHealthTokenCache} knows at one instant, replaced as a whole
 * so that concurrent callers always see a consistent view. Until {@code nextAttempt},
 * background refreshes wait, and calls without a token fail at once with {@code blocked}
 * when it is set. {@code unauthorized} tells that the last token was dropped for a
 * {@code 401}.
 *
 * @param token the cached token, or {@code null}
 * @param round the token request under way, or {@code null}
 * @param failures the token requests that failed since the last token was obtained
 * @param nextAttempt the earliest instant of the next token request, or {@code null}
 * @param blocked the failure handed to calls without a token until {@code nextAttempt}
 * @param lastFailure the last failure since the last token was obtained, or {@code null}
 * @param unauthorized whether the last token was dropped for a {@code 401}
 * @author Pattern Health Spring Boot authors
 */
record TokenCacheState(@Nullable CachedToken token, @Nullable CompletableFuture<CachedToken> round, int failures,
		@Nullable Instant nextAttempt, @Nullable PatternHealthTokenException blocked,
		@Nullable PatternHealthTokenException lastFailure, boolean unauthorized) {

	static final TokenCacheState EMPTY = new TokenCacheState(null, null, 0, null, null, null, false);

	boolean holds(String tokenValue) {
		return this.token != null && this.token.accessToken().getTokenValue().equals(tokenValue);
	}

	TokenCacheState withoutToken() {
		return new TokenCacheState(null, this.round, this.failures, this.nextAttempt, this.blocked, this.lastFailure,
				true);
	}

	TokenCacheState requesting(@Nullable CompletableFuture<CachedToken> round) {
		return new TokenCacheState(this.token, round, this.failures, this.nextAttempt, this.blocked, this.lastFailure,
				this.unauthorized);
	}

	TokenCacheState refreshed(CachedToken token) {
		return new TokenCacheState(token, this.round, 0, null, null, null, false);
	}

	TokenCacheState failed(Instant nextAttempt, @Nullable PatternHealthTokenException blocked,
			PatternHealthTokenException failure) {
		return new TokenCacheState(this.token, this.round, this.failures + 1, nextAttempt, blocked, failure,
				this.unauthorized);
	}

	/**
	 * Return the state after a failed round of token requests. Rejected credentials block
	 * calls without a token for the cooldown; a failure that may pass (a timeout, a
	 * refused or reset connection, {@code 408}, {@code 429}, {@code 5xx}) blocks them
	 * until the later of the round backoff and the endpoint's {@code Retry-After} (at
	 * most the longest honoured one), so that no call waits out a round of its own that
	 * would most likely fail too; any other failure only delays background refreshes.
	 * @param failure the failure
	 * @param now the current instant
	 * @param backoff the jittered backoff after this many consecutive failed rounds
	 * @param maxRetryAfter the longest honoured {@code Retry-After}
	 * @param cooldown how long rejected credentials block calls
	 * @param failures makes the failure handed to blocked calls
	 * @return the new state
	 */
	TokenCacheState failed(PatternHealthTokenException failure, Instant now, Duration backoff, Duration maxRetryAfter,
			Duration cooldown, TokenFailures failures) {
		if (failure instanceof PatternHealthCredentialsRejectedException rejected) {
			return failed(now.plus(cooldown), rejected, failure);
		}
		Duration delay = backoff;
		Duration retryAfter = failure.getRetryAfter();
		if (retryAfter != null) {
			retryAfter = (retryAfter.compareTo(maxRetryAfter) > 0) ? maxRetryAfter : retryAfter;
			delay = (retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
		}
		Instant nextAttempt = now.plus(delay);
		return failed(nextAttempt,
				TokenRetryPolicy.isTransient(failure) ? failures.backingOff(failure, nextAttempt, now) : null, failure);
	}

	/**
	 * Describe this state for health indicators and metrics.
	 * @param clientId the client id of the cache
	 * @param now the current instant
	 * @return the public view of this state
	 */
	TokenState describe(String clientId, Instant now) {
		CachedToken token = this.token;
		TokenState.Status status;
		if (token != null && now.isBefore(token.expiresAt())) {
			status = TokenState.Status.VALID;
		}
		else if (this.lastFailure instanceof PatternHealthCredentialsRejectedException) {
			status = TokenState.Status.CREDENTIALS_REJECTED;
		}
		else if (this.lastFailure != null) {
			status = TokenState.Status.UNAVAILABLE;
		}
		else {
			status = (token != null) ? TokenState.Status.EXPIRED : TokenState.Status.NOT_REQUESTED;
		}
		return new TokenState(status, clientId, (token != null) ? token.accessToken().getIssuedAt() : null,
				(token != null) ? token.expiresAt() : null, this.failures,
				(this.lastFailure != null) ? this.lastFailure.getError().getErrorCode() : null, this.nextAttempt);
	}

}
