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

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports missing or invalid {@code patternhealth.*} properties in Boot's "APPLICATION
 * FAILED TO START" report, with the properties to set.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPatternHealthPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPatternHealthPropertiesException cause) {
		String description = "The Pattern Health client is not configured correctly:\n\n"
				+ cause.getProblems().stream().map((problem) -> "    - " + problem).collect(Collectors.joining("\n"));
		String action = PatternHealthFailureActions.setProperties("the properties above")
				+ " Set patternhealth.enabled=false to turn the Pattern Health client off.";
		return new FailureAnalysis(description, action, cause);
	}

}
