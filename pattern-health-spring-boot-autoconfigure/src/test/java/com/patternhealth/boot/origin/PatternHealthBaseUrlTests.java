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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthBaseUrl}.
 */
class PatternHealthBaseUrlTests {

	@Test
	void dropsSurroundingWhiteSpaceAndTrailingSlashes() {
		assertThat(PatternHealthBaseUrl.of("  https://api.example.com/ \n"))
			.isEqualTo(URI.create("https://api.example.com"));
		assertThat(PatternHealthBaseUrl.of("https://api.example.com/tenant//"))
			.isEqualTo(URI.create("https://api.example.com/tenant"));
		assertThat(PatternHealthBaseUrl.of(URI.create("http://localhost:8080/")))
			.isEqualTo(URI.create("http://localhost:8080"));
	}

	@Test
	void leavesANormalizedBaseUrlAlone() {
		assertThat(PatternHealthBaseUrl.of("https://api.example.com/tenant"))
			.isEqualTo(URI.create("https://api.example.com/tenant"));
	}

}
