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
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The throughput comparison of every {@link ClientSetup}, each run by {@link ClientProbe}
 * in a fresh JVM: the starter's client and a second floor relative to the floor within
 * each round, for every setup, and the rows of each side's table from the setup that
 * table reports.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ThroughputMatrix {

	private final BenchmarkPlan plan;

	private final Map<ClientSetup, Result> results = new LinkedHashMap<>();

	ThroughputMatrix(BenchmarkPlan plan) {
		this.plan = plan;
	}

	/**
	 * Measure the given setups in turn, each in a JVM of its own.
	 */
	void run(List<ClientSetup> setups) {
		for (ClientSetup setup : setups) {
			BenchmarkRunner.progress("Throughput of " + setup.description() + " (" + setup.id() + ", fresh JVM)");
			String loadBefore = LoadAverage.now();
			List<String> arguments = new ArrayList<>(List.of("throughput", setup.id(), this.plan.name()));
			if (setup.sideBySide()) {
				arguments.add(ClientProbe.WITH_SPRING_SECURITY);
			}
			List<String> lines = ForkedJvm.run(ForkedJvm.classPath((entry) -> true), ForkedJvm.HEAP, ClientProbe.class,
					arguments, 60);
			this.results.put(setup, Result.of(setup, lines, loadBefore, LoadAverage.now()));
		}
	}

	/**
	 * Add the throughput rows of the given side's table, from the setup it reports.
	 */
	void fill(SideBySideTable table, Side side, boolean reactive) {
		this.results.forEach((setup, result) -> {
			if (setup.reactive() == reactive && setup.sideBySide()) {
				result.fill(table, side, this.plan);
			}
		});
	}

	void appendTo(StringBuilder report) {
		if (this.results.isEmpty()) {
			return;
		}
		report.append("| Starter's client against its floor, same application and HTTP client library | Floor "
				+ "(calls/s) | Floor CPU per call (µs) | Starter / floor, throughput | Starter / floor, calls per CPU "
				+ "second | Resolution: second floor / floor, throughput | Second floor / floor, calls per CPU second "
				+ "| Load average (1, 5, 15 min) before; after |\n|---|--:|--:|--:|--:|--:|--:|---|\n");
		this.results.forEach((setup,
				result) -> report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s; %s |%n",
						setup.description(), result.stats(setup.floor(), Load.Throughput::callsPerSecond).format(0),
						result.stats(setup.floor(), Load.Throughput::cpuMicrosPerCall).format(1),
						result.throughputRatio(setup.starter()).format(3), result.cpuRatio(setup.starter()).format(3),
						result.throughputRatio(setup.secondFloor()).format(3),
						result.cpuRatio(setup.secondFloor()).format(3), result.loadBefore(), result.loadAfter())));
		report.append(String.format(Locale.ROOT,
				"%nEach setup in a fresh JVM (%s) with its own loopback server: one application with the starter "
						+ "configured; the floor and the second floor are bare clients from that application's "
						+ "Spring Boot builder with a fixed Authorization header, on the same HTTP client library as "
						+ "the starter's client. %d rounds, each measuring every client for %.1f s after %.1f s of "
						+ "ramp-up, %d calls in flight for a WebClient, %d threads for a RestClient; the order of the "
						+ "clients turns every two rounds and is reversed every other round. Ratios are taken within "
						+ "each round; the median of the rounds, the middle half in brackets. Calls per CPU second "
						+ "counts the CPU time of the whole JVM, client and server.%n%n",
				String.join(" ", ForkedJvm.HEAP), this.plan.rounds(), this.plan.measure().toMillis() / 1000.0,
				this.plan.warmup().toMillis() / 1000.0, Side.REACTIVE_CONCURRENCY, Side.BLOCKING_CONCURRENCY));
	}

	/**
	 * What the fork of one setup measured.
	 *
	 * @param rounds each round's throughput of each client
	 * @param warmupPasses the warm-up passes it took
	 * @param tokenRequests token requests the server saw
	 * @param rejectedCalls {@code 401} answers the server gave
	 * @param loadBefore the load average before the fork started
	 * @param loadAfter the load average after it ended
	 * @param floor the name of the floor
	 */
	record Result(List<Map<String, Load.Throughput>> rounds, int warmupPasses, long tokenRequests, long rejectedCalls,
			String loadBefore, String loadAfter, String floor) {

		static Result of(ClientSetup setup, List<String> lines, String loadBefore, String loadAfter) {
			List<Map<String, Load.Throughput>> rounds = new ArrayList<>();
			int passes = 0;
			long tokenRequests = -1;
			long rejectedCalls = -1;
			for (String line : lines) {
				if (line.startsWith(ThroughputBenchmark.Measurement.PREFIX)) {
					ThroughputBenchmark.Measurement measurement = ThroughputBenchmark.Measurement.parse(line);
					while (rounds.size() <= measurement.round()) {
						rounds.add(new LinkedHashMap<>());
					}
					rounds.get(measurement.round()).put(measurement.name(), measurement.throughput());
				}
				else if (line.startsWith(ClientProbe.WARMUP_PREFIX)) {
					passes = Integer.parseInt(line.substring(ClientProbe.WARMUP_PREFIX.length()));
				}
				else if (line.startsWith(ClientProbe.SERVER_PREFIX)) {
					String[] counts = line.substring(ClientProbe.SERVER_PREFIX.length()).split("\t");
					tokenRequests = Long.parseLong(counts[0]);
					rejectedCalls = Long.parseLong(counts[1]);
				}
			}
			if (rounds.isEmpty()) {
				throw new IllegalStateException("No throughput measured for " + setup.id() + ":\n" + lines);
			}
			return new Result(rounds, passes, tokenRequests, rejectedCalls, loadBefore, loadAfter, setup.floor());
		}

		Stats stats(String name, ToDoubleFunction<Load.Throughput> value) {
			return Stats.of(this.rounds.stream()
				.filter((round) -> round.containsKey(name))
				.map((round) -> value.applyAsDouble(round.get(name)))
				.toList());
		}

		/** The client's calls per second relative to the floor's, in each round. */
		List<Double> throughputRatios(String name) {
			return ratios(name, (client, floor) -> client.callsPerSecond() / floor.callsPerSecond());
		}

		/** The client's calls per CPU second relative to the floor's, in each round. */
		List<Double> cpuRatios(String name) {
			return ratios(name, (client, floor) -> floor.cpuMicrosPerCall() / client.cpuMicrosPerCall());
		}

		Stats throughputRatio(String name) {
			return Stats.of(throughputRatios(name));
		}

		Stats cpuRatio(String name) {
			return Stats.of(cpuRatios(name));
		}

		long failed() {
			return this.rounds.stream()
				.flatMap((round) -> round.values().stream())
				.mapToLong(Load.Throughput::failed)
				.sum();
		}

		private List<Double> ratios(String name, ToDoubleBiFunction<Load.Throughput, Load.Throughput> ratio) {
			return this.rounds.stream()
				.filter((round) -> round.containsKey(name) && round.containsKey(this.floor))
				.map((round) -> ratio.applyAsDouble(round.get(name), round.get(this.floor)))
				.toList();
		}

		void fill(SideBySideTable table, Side side, BenchmarkPlan plan) {
			for (String name : List.of(side.floor(), side.springSecurity(), side.starter(), side.secondFloor())) {
				for (Map<String, Load.Throughput> round : this.rounds) {
					Load.Throughput throughput = round.get(name);
					if (throughput != null) {
						table.add("throughput", name, throughput.callsPerSecond());
						table.add("cpuPerCall", name, throughput.cpuMicrosPerCall());
					}
				}
				throughputRatios(name).forEach((ratio) -> table.add("throughputRatio", name, ratio));
				cpuRatios(name).forEach((ratio) -> table.add("cpuRatio", name, ratio));
			}
			table.note(String.format(Locale.ROOT,
					"Throughput: in a fresh JVM, %d rounds, each measuring every client for %.1f s after %.1f s of "
							+ "ramp-up, the order of the clients turned every two rounds and reversed every other "
							+ "round, after %d warm-up passes of %d s per client (until the rates settled: the JIT "
							+ "takes tens of seconds of this load on two cores); tokens live 1 hour; token requests "
							+ "%d, 401 answers %d, failed calls %d; load average %s before, %s after. The "
							+ "resolution of the comparison: a second bare %s, measured in the same rounds, ran at "
							+ "%s of %s.",
					plan.rounds(), plan.measure().toMillis() / 1000.0, plan.warmup().toMillis() / 1000.0,
					this.warmupPasses, plan.jitWarmup().toSeconds(), this.tokenRequests, this.rejectedCalls, failed(),
					this.loadBefore, this.loadAfter, side.transport(), throughputRatio(side.secondFloor()).format(3),
					Side.label(side.floor())));
		}

	}

}
