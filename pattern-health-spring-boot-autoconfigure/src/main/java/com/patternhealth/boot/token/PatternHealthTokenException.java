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

import com.patternhealth.boot.retry.RetryableFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.Assert;

/**
 * Thrown when no Pattern Health access token could be obtained: the token endpoint
 * answered with an error, answered something that is not a token, or could not be
 * reached. The message says what happened and never contains the client secret or an
 * access token.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 * @see PatternHealthCredentialsRejectedException
 */
public class PatternHealthTokenException extends ClientAuthorizationException implements RetryableFailure {

	private final @Nullable HttpStatusCode statusCode;

	private final @Nullable Duration retryAfter;

	private final boolean transientFailure;

	/**
	 * Create a new exception.
	 * @param error the OAuth 2.0 error, as answered by the token endpoint or as
	 * classified by the starter
	 * @param statusCode the HTTP status of the token endpoint's answer, or {@code null}
	 * when no answer was received
	 * @param retryAfter the delay the token endpoint asked for in a {@code Retry-After}
	 * header, or {@code null}
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	public PatternHealthTokenException(OAuth2Error error, @Nullable HttpStatusCode statusCode,
			@Nullable Duration retryAfter, String message, @Nullable Throwable cause) {
		this(error, statusCode, retryAfter, message, cause, false);
	}

	/**
	 * Create a new exception that may say that the failure may pass whatever its status:
	 * the token endpoint gave no answer in time or could not be reached, which passes
	 * like a {@code 503}.
	 */
	PatternHealthTokenException(OAuth2Error error, @Nullable HttpStatusCode statusCode, @Nullable Duration retryAfter,
			String message, @Nullable Throwable cause, boolean transientFailure) {
		super(error, PatternHealthTokenCache.REGISTRATION_ID, message);
		if (cause != null) {
			initCause(cause);
		}
		this.statusCode = statusCode;
		this.retryAfter = retryAfter;
		this.transientFailure = transientFailure;
	}

	/**
	 * Return the HTTP status of the token endpoint's answer.
	 * @return the status, or {@code null} when the endpoint could not be reached
	 */
	public @Nullable HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the delay the token endpoint asked for in a {@code Retry-After} header.
	 * @return the delay, or {@code null} when none was given
	 */
	@Override
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether asking again may succeed: true for {@code 408}, {@code 429} and {@code 5xx}
	 * answers, and when the token endpoint did not answer in time or could not be reached
	 * (a refused or reset connection).
	 * @return whether the token request may be retried
	 */
	@Override
	public boolean isTransient() {
		return this.transientFailure || (this.statusCode != null && isTransient(this.statusCode));
	}

	/**
	 * Return an exception of the same type that says the same, with this one's cause, for
	 * one caller alone. A failure is shared by every call that waited for the same token
	 * request, or that came during the backoff after it, and Reactor mutates what it
	 * hands out ({@code block()} adds a suppressed exception, a {@code checkpoint} its
	 * assembly information), from many threads at once: a shared instance would collect
	 * the traces of thousands of callers. The copy's cause is this one's cause, not this
	 * one: the chain then reads as the original failure, without its message twice, and
	 * the shared instance stays out of every caller's reach; the copy's stack trace is
	 * the caller's.
	 * @return a new exception for one caller
	 */
	PatternHealthTokenException forCaller() {
		return new PatternHealthTokenException(getError(), this.statusCode, this.retryAfter, message(), getCause(),
				this.transientFailure);
	}

	/**
	 * Return the detail message, which every constructor takes.
	 * @return the message
	 */
	String message() {
		String message = getMessage();
		Assert.state(message != null, "A token failure has a message");
		return message;
	}

	/**
	 * Whether an answer with the given status may be followed by a successful one.
	 * @param statusCode the status of the token endpoint's answer
	 * @return whether the status is {@code 408}, {@code 429} or {@code 5xx}
	 */
	static boolean isTransient(HttpStatusCode statusCode) {
		return statusCode.value() == 408 || statusCode.value() == 429 || statusCode.is5xxServerError();
	}

}
