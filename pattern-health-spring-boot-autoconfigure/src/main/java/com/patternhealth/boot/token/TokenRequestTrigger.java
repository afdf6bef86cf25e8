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

/**
 * What made the token cache ask Pattern Health for a token.
 *
 * @author Pattern Health Spring Boot authors
 */
enum TokenRequestTrigger {

	/**
	 * No token was there yet.
	 */
	FIRST_USE("first-use"),

	/**
	 * The token entered its refresh-ahead share: refreshed in the background while calls
	 * keep using it.
	 */
	REFRESH_AHEAD("refresh-ahead"),

	/**
	 * The token entered its expiry margin: calls wait for a new one.
	 */
	EXPIRY("expiry"),

	/**
	 * The API answered {@code 401} to the token.
	 */
	UNAUTHORIZED("unauthorized");

	private final String value;

	TokenRequestTrigger(String value) {
		this.value = value;
	}

	/**
	 * Return the value of this trigger as a low-cardinality key value.
	 * @return the value, such as {@code refresh-ahead}
	 */
	String getValue() {
		return this.value;
	}

}
