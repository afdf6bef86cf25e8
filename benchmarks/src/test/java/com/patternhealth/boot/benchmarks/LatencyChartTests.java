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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LatencyChart}.
 *
 * @author Pattern Health Spring Boot authors
 */
class LatencyChartTests {

	private static final long ORIGIN = 1_000_000_000L;

	@Test
	void drawsTwoPercentilesOfEachClientInThePanelOfItsSide() {
		LatencyChart chart = new LatencyChart();
		chart.add("WebClients", "(b) security", samples(2_000_000), List.of(ORIGIN + 2_000_000_000L));
		chart.add("WebClients", "(c) starter", samples(1_000_000), List.of());
		chart.add("RestClients", "(c') starter", samples(1_000_000), List.of());
		String svg = chart.svg("Latency & expiry");
		assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("Latency &amp; expiry");
		assertThat(svg.split("<polyline", -1)).hasSize(7);
		assertThat(svg).contains(">WebClients</text>").contains(">RestClients</text>").contains("(b) security: p99");
	}

	@Test
	void staysSmallHoweverManyCallsItDraws() {
		LatencyChart chart = new LatencyChart();
		chart.add("WebClients", "(c) starter", samples(1_000_000), List.of());
		assertThat(chart.svg("").length()).isLessThan(20_000);
	}

	@Test
	void takesThePercentilesOfTheCallsStartedInEachBucket() {
		long[] started = { ORIGIN, ORIGIN + 1, ORIGIN + LatencyChart.BUCKET_NANOS };
		long[] latency = { 1_000_000, 3_000_000, 5_000_000 };
		double[][] percentiles = new LatencyChart.Series("c", new Load.Samples(started, latency, 0), List.of())
			.percentiles();
		assertThat(percentiles).hasDimensions(2, 2);
		assertThat(percentiles[0]).containsExactly(1.0, 3.0);
		assertThat(percentiles[1]).containsExactly(5.0, 5.0);
	}

	/** Calls every 2.5 ms for 15 s. */
	private static Load.Samples samples(long latencyNanos) {
		int calls = 6000;
		long[] started = new long[calls];
		long[] latency = new long[calls];
		for (int i = 0; i < calls; i++) {
			started[i] = ORIGIN + i * 2_500_000L;
			latency[i] = latencyNanos + (i % 100) * 10_000L;
		}
		return new Load.Samples(started, latency, 0);
	}

}
