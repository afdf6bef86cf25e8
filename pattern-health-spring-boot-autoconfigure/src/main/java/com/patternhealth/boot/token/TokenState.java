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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link PatternHealthTokenCache} holds at one instant, read without any network
 * call: for health indicators and metrics. Never the token itself.
 *
 * @param status what the cache can do for a call now
 * @param clientId the client id whose tokens the cache holds
 * @param obtainedAt when the current token was requested, or {@code null}
 * @param expiresAt when the current token stops being used, or {@code null}
 * @param failedRequests token requests that failed since the last token was obtained
 * @param error the OAuth 2.0 error code of the last failure, or {@code null}
 * @param nextAttempt the earliest instant of the next token request after a failure, or
 * {@code null}
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public record TokenState(Status status, String clientId, @Nullable Instant obtainedAt, @Nullable Instant expiresAt,
		int failedRequests, @Nullable String error, @Nullable Instant nextAttempt) {

	/**
	 * What the cache can do for a call now.
	 */
	public enum Status {

		/**
		 * No token was requested yet.
		 */
		NOT_REQUESTED,

		/**
		 * A valid token is held; refreshes may be failing ({@code failedRequests}).
		 */
		VALID,

		/**
		 * The last token expired while no call needed one; the next call requests one.
		 */
		EXPIRED,

		/**
		 * No valid token, and the last token request failed in a way that may pass.
		 */
		UNAVAILABLE,

		/**
		 * Pattern Health rejected the client credentials.
		 */
		CREDENTIALS_REJECTED

	}

}
