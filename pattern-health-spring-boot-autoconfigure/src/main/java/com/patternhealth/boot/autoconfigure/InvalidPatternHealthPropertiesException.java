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
import java.util.stream.Collectors;

/**
 * Thrown at startup when the {@code patternhealth.*} properties are missing or invalid.
 * Each problem names the property to fix.
 *
 * @author Pattern Health Spring Boot authors
 * @see PatternHealthPropertiesFailureAnalyzer
 */
public class InvalidPatternHealthPropertiesException extends IllegalStateException {

	private final List<Problem> problems;

	/**
	 * Create a new exception.
	 * @param problems the problems found, at least one
	 */
	public InvalidPatternHealthPropertiesException(List<Problem> problems) {
		super("Pattern Health is not configured correctly: "
				+ problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return the problems found.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * A property and what is wrong with it.
	 *
	 * @param property the name of the property
	 * @param reason what is wrong and how to fix it
	 */
	public record Problem(String property, String reason) {

		@Override
		public String toString() {
			return this.property + " " + this.reason;
		}

	}

}
