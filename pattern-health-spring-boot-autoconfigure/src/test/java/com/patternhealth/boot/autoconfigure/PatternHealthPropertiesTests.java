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

package com.patternhealth.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link PatternHealthProperties}.
 */
class PatternHealthPropertiesTests {

	@ParameterizedTest
	@CsvSource({ "https://api.example.com, https://api.example.com/api/auth/token",
			"'  https://api.example.com/  ', https://api.example.com/api/auth/token",
			"https://api.example.com:8443/, https://api.example.com:8443/api/auth/token" })
	void derivesTheTokenUriFromTheBaseUrl(String baseUrl, String tokenUri) {
		PatternHealthProperties properties = properties(baseUrl);
		assertThat(new PatternHealthPropertiesValidator(properties).problems()).isEmpty();
		assertThat(properties.tokenUri()).hasToString(tokenUri);
	}

	@Test
	void validatesWhenInitialized() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientSecret(" ");
		assertThatExceptionOfType(InvalidPatternHealthPropertiesException.class)
			.isThrownBy(properties::afterPropertiesSet)
			.satisfies((ex) -> assertThat(ex.getProblems())
				.extracting(InvalidPatternHealthPropertiesException.Problem::property)
				.containsExactly("patternhealth.client-secret"));
	}

	@Test
	void skipsValidationWhenDisabled() {
		PatternHealthProperties properties = new PatternHealthProperties();
		properties.setEnabled(false);
		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	private static PatternHealthProperties properties(String baseUrl) {
		PatternHealthProperties properties = new PatternHealthProperties();
		properties.setBaseUrl(baseUrl);
		properties.setClientId("client");
		properties.setClientSecret("secret");
		return properties;
	}

}
