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

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthSanitizingFunction}.
 */
class PatternHealthSanitizingFunctionTests {

	private static final PropertySource<?> SOURCE = new MapPropertySource("test", Map.of());

	private final PatternHealthSanitizingFunction function = new PatternHealthSanitizingFunction();

	@ParameterizedTest
	@ValueSource(strings = { "patternhealth.client-secret", "patternhealth.clientSecret", "patternhealth.client_secret",
			"PATTERNHEALTH_CLIENTSECRET", "PATTERNHEALTH_CLIENT_SECRET", "patternhealth.clients.reports.client-secret",
			"patternhealth.clients[reports].client-secret", "patternhealth.clients.reports.clientSecret",
			"PATTERNHEALTH_CLIENTS_REPORTS_CLIENTSECRET" })
	void masksEveryFormOfAClientSecret(String key) {
		assertThat(sanitize(key, "the-secret")).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "patternhealth.client-id", "patternhealth.clients.reports.client-id",
			"patternhealth.base-url", "patternhealth.token-path", "patternhealthx.client-secret",
			"spring.security.oauth2.client.registration.host.client-secret", "other.patternhealth.client-secret",
			"patternhealth" })
	void leavesEverythingElseAsItIs(String key) {
		assertThat(sanitize(key, "the-value")).isEqualTo("the-value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PATTERNHEALTH_CLIENTSECRET", "patternhealth.client-secret" })
	void masksClientSecretsOfTheSystemEnvironment(String key) {
		SanitizableData data = new SanitizableData(
				new SystemEnvironmentPropertySource("systemEnvironment", Map.of(key, "the-secret")), key, "the-secret");
		assertThat(this.function.apply(data).getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	private Object sanitize(String key, String value) {
		return this.function.apply(new SanitizableData(SOURCE, key, value)).getValue();
	}

}
