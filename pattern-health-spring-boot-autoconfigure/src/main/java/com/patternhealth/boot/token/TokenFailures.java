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
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Every failure to obtain a token of one client, with the message that says what happened
 * and what to do. Each message names the client id and, where it is known, the token URI;
 * none names the secret or a token.
 *
 * @author Pattern Health Spring Boot authors
 */
final class TokenFailures {

	static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	static final String UNAVAILABLE = "token_endpoint_unavailable";

	private static final String CHECK_URL = "Check patternhealth.base-url and patternhealth.token-path.";

	private final String clientId;

	private final @Nullable String tokenUri;

	TokenFailures(String clientId, @Nullable String tokenUri) {
		this.clientId = clientId;
		this.tokenUri = tokenUri;
	}

	String clientId() {
		return this.clientId;
	}

	/**
	 * The endpoint rejected the credentials.
	 */
	PatternHealthCredentialsRejectedException rejected(OAuth2Error error, HttpStatusCode status, String answer) {
		return new PatternHealthCredentialsRejectedException(error, status,
				"Pattern Health rejected the credentials of client '" + this.clientId + "'" + at() + " (" + answer
						+ "). Check patternhealth.client-id and patternhealth.client-secret.");
	}

	/**
	 * The endpoint answered an error that is not about the credentials.
	 */
	PatternHealthTokenException answered(OAuth2Error error, HttpStatusCode status, @Nullable Duration retryAfter,
			String answer) {
		String advice = PatternHealthTokenException.isTransient(status) ? "The request may succeed later." : CHECK_URL;
		return new PatternHealthTokenException(error, status, retryAfter,
				endpoint() + " answered " + answer + " (" + client() + "). " + advice, null);
	}

	/**
	 * The endpoint answered something that is not a token.
	 */
	PatternHealthTokenException invalid(HttpStatusCode status, String answer) {
		return new PatternHealthTokenException(
				new OAuth2Error(INVALID_TOKEN_RESPONSE, "Not a token response", null), status, null, endpoint()
						+ " answered HTTP " + status.value() + " with " + answer + " (" + client() + "). " + CHECK_URL,
				null);
	}

	/**
	 * No answer within the time limit: it may pass, like a {@code 503}.
	 */
	PatternHealthTokenException timedOut(Duration timeout, int attempts) {
		return unavailable(endpoint() + " did not answer within " + describe(timeout) + " (" + attempts(attempts) + ", "
				+ client() + "). Check patternhealth.base-url, or raise patternhealth.token.timeout.", null, true);
	}

	/**
	 * No connection, or a connection that broke: it may pass, like a {@code 503}.
	 */
	PatternHealthTokenException unreachable(Throwable cause, String reason, int attempts) {
		return unavailable("Could not reach " + endpoint() + " (" + attempts(attempts) + ", " + client() + "): "
				+ reason + ". Check patternhealth.base-url and the network.", cause, true);
	}

	PatternHealthTokenException failed(Throwable cause, String reason) {
		return unavailable(
				"Could not obtain a Pattern Health access token from " + tokenUri() + " (" + client() + "): " + reason,
				cause, false);
	}

	PatternHealthTokenException notWithin(Duration wait) {
		return unavailable("No Pattern Health access token from " + tokenUri() + " within " + describe(wait) + " ("
				+ client() + "). Check patternhealth.base-url, or raise patternhealth.token.timeout.", null, false);
	}

	PatternHealthTokenException interrupted(InterruptedException cause) {
		return new PatternHealthTokenException(new OAuth2Error("interrupted"), null, null,
				"Interrupted while waiting for a Pattern Health access token (" + client() + ")", cause);
	}

	PatternHealthTokenException closed() {
		return new PatternHealthTokenException(new OAuth2Error("closed"), null, null,
				"The Pattern Health token cache is closed (" + client() + ")", null);
	}

	/**
	 * The last token request failed and the next may not start before the given instant:
	 * the failure as it was, with when the next attempt is allowed.
	 */
	PatternHealthTokenException backingOff(PatternHealthTokenException last, Instant nextAttempt, Instant now) {
		String message = last.getMessage() + " No new token request before "
				+ nextAttempt.truncatedTo(ChronoUnit.MILLIS) + " (in " + describe(Duration.between(now, nextAttempt))
				+ ").";
		return new PatternHealthTokenException(last.getError(), last.getStatusCode(), last.getRetryAfter(), message,
				null, last.isTransient());
	}

	private PatternHealthTokenException unavailable(String message, @Nullable Throwable cause,
			boolean transientFailure) {
		return new PatternHealthTokenException(new OAuth2Error(UNAVAILABLE, null, null), null, null, message, cause,
				transientFailure);
	}

	private String endpoint() {
		return "Pattern Health's token endpoint" + at();
	}

	private String at() {
		return (this.tokenUri != null) ? " at " + this.tokenUri : "";
	}

	private String tokenUri() {
		return (this.tokenUri != null) ? this.tokenUri : "the token endpoint";
	}

	private String client() {
		return "client '" + this.clientId + "'";
	}

	private static String attempts(int attempts) {
		return attempts + ((attempts != 1) ? " attempts" : " attempt");
	}

	static String describe(Duration duration) {
		if (duration.toMinutes() >= 2) {
			return duration.toMinutes() + " minutes";
		}
		return (duration.toMillis() >= 2000) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
