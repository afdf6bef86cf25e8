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

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthPropertiesFailureAnalyzer}.
 */
class PatternHealthPropertiesFailureAnalyzerTests {

	@Test
	void describesEachProblemAndShowsTheProperties() {
		InvalidPatternHealthPropertiesException failure = new InvalidPatternHealthPropertiesException(List.of(
				new InvalidPatternHealthPropertiesException.Problem("patternhealth.client-id", "is not set; set it"),
				new InvalidPatternHealthPropertiesException.Problem("patternhealth.base-url", "'x' is wrong")));
		FailureAnalysis analysis = new PatternHealthPropertiesFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).isEqualTo("""
				The Pattern Health client is not configured correctly:

				    - patternhealth.client-id is not set; set it
				    - patternhealth.base-url 'x' is wrong""");
		assertThat(analysis.getAction()).startsWith("Set the properties above, for example in application.yml:")
			.contains("base-url: https://<your Pattern Health host>")
			.contains("PATTERNHEALTH_BASEURL, PATTERNHEALTH_CLIENTID and PATTERNHEALTH_CLIENTSECRET")
			.endsWith("Set patternhealth.enabled=false to turn the Pattern Health client off.");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

}
