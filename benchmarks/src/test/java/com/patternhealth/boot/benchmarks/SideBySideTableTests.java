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

package com.patternhealth.boot.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SideBySideTable}.
 *
 * @author Pattern Health Spring Boot authors
 */
class SideBySideTableTests {

	private final Side side = new Side("(a') floor", "(b') security", "(c') starter", "(a'2) floor again", "RestClient",
			0.97, 32, "calls on 2 threads", (name, token) -> unused(), (clockSkew) -> unused(),
			SideBySideTableTests::unused);

	private final SideBySideTable table = new SideBySideTable(this.side);

	@Test
	void writesNothingWithoutResults() {
		StringBuilder report = new StringBuilder();
		this.table.appendTo(report);
		assertThat(report).isEmpty();
	}

	@Test
	void namesTheClientsAndTheFloorOfItsSide() {
		this.table.add("throughputRatio", "(c') starter", 0.98);
		assertThat(render()).contains("| Measure | (a') floor | (b') security | (c') starter | Target for (c') | Met |")
			.contains("| Throughput relative to (a'), same round | – | – | 0.980 | >= 0.97 | yes |")
			.contains("| Token requests for 1,000 calls on 2 threads, cold start |");
	}

	@Test
	void marksATargetMissedByTheMedianOfTheRounds() {
		for (double ratio : new double[] { 0.99, 0.96, 0.95 }) {
			this.table.add("throughputRatio", "(c') starter", ratio);
		}
		assertThat(render())
			.contains("| Throughput relative to (a'), same round | – | – | 0.960 (0.950–0.990) | >= 0.97 | **no** |");
	}

	@Test
	void showsTheSecondFloorAsTheResolution() {
		this.table.add("throughputRatio", "(a'2) floor again", 1.01);
		assertThat(render()).contains("| Resolution: a second bare RestClient relative to (a'), same round | 1.010 |");
	}

	@Test
	void endsWithTheNotes() {
		this.table.add("tokensCold", "(c') starter", 1);
		this.table.note("How it was measured.");
		assertThat(render()).endsWith("|\n\n- How it was measured.\n\n");
	}

	private String render() {
		StringBuilder report = new StringBuilder();
		this.table.appendTo(report);
		return report.toString();
	}

	private static MeasuredClient unused() {
		throw new UnsupportedOperationException();
	}

}
