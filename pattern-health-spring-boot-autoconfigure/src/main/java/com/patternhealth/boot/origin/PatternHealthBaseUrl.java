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

package com.patternhealth.boot.origin;

import java.net.URI;

import org.springframework.util.StringUtils;

/**
 * The one normalization of a Pattern Health base URL, wherever one comes from: the
 * properties of the client, those of a named client, the properties of an HTTP service
 * group, or the arguments of a client made at run time. Surrounding white space and
 * trailing slashes are dropped, so that a path appended to it starts with its own slash.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthBaseUrl {

	private PatternHealthBaseUrl() {
	}

	/**
	 * Return the given base URL, normalized.
	 * @param baseUrl a base URL, as configured
	 * @return the base URL without surrounding white space and trailing slashes
	 * @throws IllegalArgumentException if the result is not a URI
	 */
	public static URI of(String baseUrl) {
		return URI.create(StringUtils.trimTrailingCharacter(baseUrl.strip(), '/'));
	}

	/**
	 * Return the given base URL, normalized.
	 * @param baseUrl a base URL
	 * @return the base URL without trailing slashes
	 */
	public static URI of(URI baseUrl) {
		return of(baseUrl.toString());
	}

}
