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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Throughput with the side's calls in flight, and the CPU time (client and server) per
 * call, of the floor, a second floor, the starter's client and, optionally, Spring
 * Security's, in many short rounds that alternate the clients: the order turns by one
 * client every two rounds and is reversed every other round, so that each client runs as
 * often first as last, and after each of the others. Each client's result is later taken
 * relative to the floor's of the same round; the second floor shows how finely that
 * comparison resolves.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ThroughputBenchmark {

	static final Duration LONG_LIFETIME = Duration.ofHours(1);

	static final int MIN_WARMUP_PASSES = 3;

	static final int MAX_WARMUP_PASSES = 6;

	static final double SETTLED = 0.15;

	private final BenchmarkPlan plan;

	private final Side side;

	private final List<MeasuredClient> clients = new ArrayList<>();

	/**
	 * Prepare the clients of the given side: each makes one call before the warm-up.
	 * @param plan how long and how often
	 * @param server the loopback server, whose token the floors send
	 * @param side the clients
	 * @param springSecurity whether Spring Security's client is measured too
	 */
	ThroughputBenchmark(BenchmarkPlan plan, LoopbackPatternHealthServer server, Side side, boolean springSecurity) {
		this.plan = plan;
		this.side = side;
		String token = server.issueToken();
		this.clients.add(side.floorClient(token));
		if (springSecurity) {
			this.clients.add(side.fresh(side.springSecurity(), LONG_LIFETIME));
		}
		this.clients.add(side.fresh(side.starter(), LONG_LIFETIME));
		this.clients.add(side.secondFloorClient(token));
		this.clients.forEach(MeasuredClient::call);
	}

	/**
	 * Warm up, then measure every round, handing each client's result to the given
	 * consumer as it comes.
	 * @return the warm-up passes it took
	 */
	int run(Consumer<Measurement> sink) {
		BenchmarkRunner.progress("Throughput at " + this.side.concurrency() + " concurrent calls, "
				+ this.side.transport() + ": " + this.clients.size() + " clients");
		int passes = warmUp();
		for (int round = 0; round < this.plan.rounds(); round++) {
			Map<String, Load.Throughput> results = new LinkedHashMap<>();
			for (MeasuredClient client : order(this.clients, round)) {
				Load.Throughput throughput = client.throughput(this.side.concurrency(), this.plan.warmup(),
						this.plan.measure());
				results.put(client.name(), throughput);
				sink.accept(new Measurement(round, client.name(), throughput));
			}
			if (round % 10 == 9 || round == this.plan.rounds() - 1) {
				progress(round, results);
			}
		}
		return passes;
	}

	private void progress(int round, Map<String, Load.Throughput> results) {
		Load.Throughput floor = results.get(this.side.floor());
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  round %2d: %s %5.0f/s %5.1f µs CPU/call",
				round + 1, Side.label(this.side.floor()), floor.callsPerSecond(), floor.cpuMicrosPerCall()));
		results.forEach((name, throughput) -> {
			if (!name.equals(this.side.floor())) {
				line.append(String.format(Locale.ROOT, "; %s %.3f, CPU %.3f", Side.label(name),
						throughput.callsPerSecond() / floor.callsPerSecond(),
						floor.cpuMicrosPerCall() / throughput.cpuMicrosPerCall()));
			}
		});
		BenchmarkRunner.progress(line.toString());
	}

	/**
	 * Run every client in turn until the CPU time per call of each changes by less than
	 * {@value #SETTLED} from one pass to the next, or for {@value #MAX_WARMUP_PASSES}
	 * passes.
	 * @return the number of passes
	 */
	private int warmUp() {
		Map<String, Double> previous = new LinkedHashMap<>();
		for (int pass = 1; pass <= MAX_WARMUP_PASSES; pass++) {
			boolean settled = pass >= MIN_WARMUP_PASSES;
			StringBuilder rates = new StringBuilder();
			for (MeasuredClient client : this.clients) {
				double cpu = client.throughput(this.side.concurrency(), this.plan.warmup(), this.plan.jitWarmup())
					.cpuMicrosPerCall();
				Double before = previous.put(client.name(), cpu);
				settled &= (before != null && Math.abs(cpu - before) / before < SETTLED);
				rates.append(String.format(Locale.ROOT, " %s %.1f", Side.label(client.name()), cpu));
			}
			BenchmarkRunner.progress("  warm-up pass " + pass + ", µs CPU/call:" + rates);
			if (settled) {
				return pass;
			}
		}
		return MAX_WARMUP_PASSES;
	}

	/**
	 * The order of the clients in the given round: turned by one client every two rounds,
	 * and reversed in every odd round.
	 */
	static <T> List<T> order(List<T> items, int round) {
		List<T> ordered = rotate(items, round / 2);
		if (round % 2 == 1) {
			Collections.reverse(ordered);
		}
		return ordered;
	}

	static <T> List<T> rotate(List<T> items, int distance) {
		List<T> rotated = new ArrayList<>(items);
		Collections.rotate(rotated, -distance);
		return rotated;
	}

	/**
	 * What one client did in one round, also as the line a forked JVM prints it in.
	 *
	 * @param round the round, from 0
	 * @param name the client
	 * @param throughput its calls per second, CPU time per call and failed calls
	 */
	record Measurement(int round, String name, Load.Throughput throughput) {

		static final String PREFIX = "throughput\t";

		String line() {
			return String.format(Locale.ROOT, "%s%d\t%s\t%.3f\t%.4f\t%d", PREFIX, this.round, this.name,
					this.throughput.callsPerSecond(), this.throughput.cpuMicrosPerCall(), this.throughput.failed());
		}

		static Measurement parse(String line) {
			String[] fields = line.substring(PREFIX.length()).split("\t");
			return new Measurement(Integer.parseInt(fields[0]), fields[1], new Load.Throughput(
					Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), Long.parseLong(fields[4])));
		}

	}

}
