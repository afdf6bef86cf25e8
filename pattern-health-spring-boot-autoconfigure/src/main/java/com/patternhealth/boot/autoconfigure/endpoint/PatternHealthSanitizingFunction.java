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

package com.patternhealth.boot.autoconfigure.endpoint;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * A {@link SanitizingFunction} that masks every Pattern Health client secret in the
 * {@code configprops} and {@code env} endpoints, however
 * {@code management.endpoint.*.show-values} is set: {@code patternhealth.client-secret}
 * and {@code patternhealth.clients.<name>.client-secret}, in every form Spring Boot binds
 * them from, such as {@code PATTERNHEALTH_CLIENTSECRET} or
 * {@code patternhealth.clientSecret}. Client ids and the other properties stay visible.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthSanitizingFunction implements SanitizingFunction {

	private static final String PREFIX = "patternhealth";

	private static final String CLIENT_SECRET = "clientsecret";

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isClientSecret(data.getKey().toLowerCase(Locale.ROOT)) ? data.withSanitizedValue() : data;
	}

	/**
	 * Whether the given key, in lower case, names a client secret under
	 * {@code patternhealth}: its first element is {@code patternhealth} and it ends with
	 * {@code client-secret} once dashes, dots, underscores and brackets are dropped, as
	 * Spring Boot's relaxed binding drops them.
	 */
	private static boolean isClientSecret(String key) {
		if (!key.startsWith(PREFIX) || key.length() == PREFIX.length()
				|| Character.isLetterOrDigit(key.charAt(PREFIX.length()))) {
			return false;
		}
		StringBuilder uniform = new StringBuilder(key.length());
		for (int i = PREFIX.length(); i < key.length(); i++) {
			char ch = key.charAt(i);
			if (Character.isLetterOrDigit(ch)) {
				uniform.append(ch);
			}
		}
		return uniform.toString().endsWith(CLIENT_SECRET);
	}

}
