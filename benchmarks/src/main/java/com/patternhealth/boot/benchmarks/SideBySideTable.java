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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The results of one side measured side by side, as a markdown table: one row per
 * measure, one column per client, the median of the rounds with the middle half of the
 * rounds in brackets, the starter's target and whether it was met; then notes on how each
 * measure was taken.
 *
 * @author Pattern Health Spring Boot authors
 */
final class SideBySideTable {

	private final Side side;

	private final Map<String, List<Double>> rows = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	SideBySideTable(Side side) {
		this.side = side;
	}

	/**
	 * Add the value of one round of a measure for the named client.
	 */
	void add(String key, String name, double value) {
		this.rows.computeIfAbsent(key + "." + name, (k) -> new ArrayList<>()).add(value);
	}

	/**
	 * The values of every round of a measure for the named client.
	 */
	List<Double> values(String key, String name) {
		return this.rows.getOrDefault(key + "." + name, List.of());
	}

	void note(String note) {
		this.notes.add(note);
	}

	void appendTo(StringBuilder report) {
		if (this.rows.isEmpty()) {
			return;
		}
		Side side = this.side;
		String floor = Side.label(side.floor());
		String target = String.format(Locale.ROOT, ">= %.2f", side.throughputTarget());
		String burst = String.format(Locale.ROOT, "%,d ", ExpiryBenchmark.BURST) + side.burstCalls();
		report.append("| Measure | ")
			.append(String.join(" | ", side.names()))
			.append(" | Target for ")
			.append(Side.label(side.starter()))
			.append(" | Met |\n|---|--:|--:|--:|---|---|\n");
		row(report, "Throughput at " + side.concurrency() + " concurrent calls (calls/s)", "throughput", 0, null, null);
		row(report, "Throughput relative to " + floor + ", same round", "throughputRatio", 3, target,
				(stats) -> stats.median() >= side.throughputTarget());
		report.append("| Resolution: a second bare ")
			.append(side.transport())
			.append(" relative to ")
			.append(floor)
			.append(", same round | ")
			.append(Stats.of(values("throughputRatio", side.secondFloor())).format(3))
			.append(" | | | | |\n");
		row(report, "CPU time per call, client and server (µs)", "cpuPerCall", 1, null, null);
		row(report, "Calls per CPU second relative to " + floor + ", same round", "cpuRatio", 3, target,
				(stats) -> stats.median() >= side.throughputTarget());
		row(report, "Token requests for " + burst + ", cold start", "tokensCold", 0, "1", (stats) -> stats.high() == 1);
		row(report, "Token requests for " + burst + ", token expired", "tokensExpired", 0, "1",
				(stats) -> stats.high() == 1);
		row(report, "Failed calls of those " + String.format(Locale.ROOT, "%,d", 2 * ExpiryBenchmark.BURST),
				"burstFailures", 0, "0", (stats) -> stats.high() == 0);
		row(report, "Latency p50, steady state (ms)", "steadyP50", 2, null, null);
		row(report, "Latency p99, steady state (ms)", "steadyP99", 2, null, null);
		row(report, "Latency p50, calls around expiry (ms)", "expiryP50", 2, null, null);
		row(report, "Latency p99, calls around expiry (ms)", "expiryP99", 2, null, null);
		row(report, "p99 around expiry / p99 steady state", "p99Ratio", 2, "<= 1.2", (stats) -> stats.median() <= 1.2);
		row(report, "Token requests per expiry in the latency run", "tokensPerExpiry", 1, "1",
				(stats) -> stats.high() <= 1);
		row(report, "401 answers and failed calls in the latency runs", "latencyFailures", 0, "0",
				(stats) -> stats.high() == 0);
		report.append('\n');
		this.notes.forEach((note) -> report.append("- ").append(note).append('\n'));
		report.append('\n');
	}

	private void row(StringBuilder report, String measure, String key, int decimals, @Nullable String target,
			@Nullable Predicate<Stats> met) {
		report.append("| ").append(measure);
		Stats starter = null;
		for (String name : this.side.names()) {
			List<Double> values = values(key, name);
			Stats stats = Stats.of(values);
			report.append(" | ").append(values.isEmpty() ? "–" : stats.format(decimals));
			if (this.side.starter().equals(name)) {
				starter = stats;
			}
		}
		report.append(" | ").append((target != null) ? target : "").append(" | ");
		if (met != null && starter != null && !Double.isNaN(starter.median())) {
			report.append(met.test(starter) ? "yes" : "**no**");
		}
		report.append(" |\n");
	}

}
