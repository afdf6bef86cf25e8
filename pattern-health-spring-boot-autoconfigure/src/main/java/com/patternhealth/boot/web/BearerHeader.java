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

package com.patternhealth.boot.web;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The value of the {@code Authorization} header for the current token, made once per
 * token rather than once per call: a token is used for many calls, and its header is the
 * only string a call with a cached token would otherwise build.
 *
 * @author Pattern Health Spring Boot authors
 */
final class BearerHeader {

	private volatile Value last = new Value(null, "");

	/**
	 * Return {@code Bearer <token>} for the given token.
	 * @param token the access token to send
	 * @return the value of the {@code Authorization} header
	 */
	String of(OAuth2AccessToken token) {
		Value value = this.last;
		if (value.token != token) {
			// A race makes the same value twice at most: both are right
			value = new Value(token, "Bearer " + token.getTokenValue());
			this.last = value;
		}
		return value.header;
	}

	/**
	 * A token and its header; not a record, so that nothing prints the header.
	 */
	private static final class Value {

		private final @Nullable OAuth2AccessToken token;

		private final String header;

		Value(@Nullable OAuth2AccessToken token, String header) {
			this.token = token;
			this.header = header;
		}

	}

}
