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

import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.Assert;

/**
 * Thrown when Pattern Health's token endpoint rejects the client credentials (a
 * {@code 400} or {@code 401} answer, or an OAuth 2.0 error such as
 * {@code invalid_client}). Such a request is never retried: the client id or secret must
 * be fixed.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthCredentialsRejectedException extends PatternHealthTokenException {

	/**
	 * Create a new exception.
	 * @param error the OAuth 2.0 error answered by the token endpoint
	 * @param statusCode the HTTP status of the answer
	 * @param message the detail message
	 */
	public PatternHealthCredentialsRejectedException(OAuth2Error error, HttpStatusCode statusCode, String message) {
		super(error, statusCode, null, message, null);
	}

	/**
	 * Return a rejection that says the same, for one caller alone: still a rejection, so
	 * that callers can tell credentials to fix from a failure that passes.
	 */
	@Override
	PatternHealthCredentialsRejectedException forCaller() {
		HttpStatusCode statusCode = getStatusCode();
		Assert.state(statusCode != null, "A rejection has a status");
		return new PatternHealthCredentialsRejectedException(getError(), statusCode, message());
	}

}
