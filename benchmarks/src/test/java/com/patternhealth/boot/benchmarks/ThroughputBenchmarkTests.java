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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ThroughputBenchmark}.
 *
 * @author Pattern Health Spring Boot authors
 */
class ThroughputBenchmarkTests {

	@Test
	void reversesTheOrderEveryOtherRoundAndTurnsItEveryTwo() {
		List<String> clients = List.of("a", "c", "a2");
		assertThat(ThroughputBenchmark.order(clients, 0)).containsExactly("a", "c", "a2");
		assertThat(ThroughputBenchmark.order(clients, 1)).containsExactly("a2", "c", "a");
		assertThat(ThroughputBenchmark.order(clients, 2)).containsExactly("c", "a2", "a");
		assertThat(ThroughputBenchmark.order(clients, 3)).containsExactly("a", "a2", "c");
	}

	@Test
	void runsEachClientAsOftenInEachPlace() {
		List<String> clients = List.of("a", "b", "c", "a2");
		Map<String, List<Integer>> places = new HashMap<>();
		for (int round = 0; round < 2 * clients.size(); round++) {
			List<String> order = ThroughputBenchmark.order(clients, round);
			for (int place = 0; place < order.size(); place++) {
				places.computeIfAbsent(order.get(place), (client) -> new ArrayList<>()).add(place);
			}
		}
		places.values().forEach((taken) -> assertThat(taken).containsExactlyInAnyOrder(0, 0, 1, 1, 2, 2, 3, 3));
	}

	@Test
	void readsTheLineItPrints() {
		ThroughputBenchmark.Measurement measurement = new ThroughputBenchmark.Measurement(7,
				"(a) bare WebClient, fixed header", new Load.Throughput(45301.5, 28.9, 2));
		assertThat(ThroughputBenchmark.Measurement.parse(measurement.line())).isEqualTo(measurement);
	}

}
