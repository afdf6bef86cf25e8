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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * WireMock stubs of Pattern Health's token endpoint, shared by the tests.
 */
public final class TokenStubs {

	public static final String TOKEN_PATH = "/api/auth/token";

	private TokenStubs() {
	}

	public static MappingBuilder tokenRequest() {
		return post(TOKEN_PATH);
	}

	public static ResponseDefinitionBuilder token(String value, Duration lifetime) {
		return okJson("{\"access_token\":\"" + value + "\",\"expires_in\":" + lifetime.toMillis()
				+ ",\"token_type\":\"bearer\"}");
	}

	/**
	 * Answer each token request with the next of the given tokens, and the last one from
	 * then on.
	 */
	public static void stubTokens(WireMockExtension server, Duration lifetime, String... values) {
		for (int i = 0; i < values.length; i++) {
			ScenarioMappingBuilder mapping = tokenRequest().inScenario("tokens")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "issued-" + i)
				.willReturn(token(values[i], lifetime));
			server.stubFor((i + 1 < values.length) ? mapping.willSetStateTo("issued-" + (i + 1)) : mapping);
		}
	}

	public static int tokenRequests(WireMockExtension server) {
		return server.countRequestsMatching(postRequestedFor(urlEqualTo(TOKEN_PATH)).build()).getCount();
	}

}
