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

package com.patternhealth.boot.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * The answers of the stand-in.
 *
 * @author Pattern Health Spring Boot authors
 */
final class Responses {

	private Responses() {
	}

	static ResponseDefinition json(int status, Object body, String... headerNamesAndValues) {
		var response = responseDefinition().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(Json.toByteArray(body));
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			response.withHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return response.build();
	}

	static ResponseDefinition empty(int status, String... headerNamesAndValues) {
		var response = responseDefinition().withStatus(status);
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			response.withHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return response.build();
	}

	static ResponseDefinition error(int status, String error, String message) {
		return json(status, Map.of("error", error, "message", message));
	}

}
