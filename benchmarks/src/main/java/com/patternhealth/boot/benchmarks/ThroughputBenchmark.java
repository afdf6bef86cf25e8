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

/**
 * Throughput with {@value #CONCURRENCY} calls in flight, and the CPU time (client and
 * server) per call, of the three clients of one side and of a second floor, in many short
 * rounds in rotating order, each client's result taken relative to the floor's of the
 * same round. The second floor shows how finely the comparison resolves.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ThroughputBenchmark {

	static final int CONCURRENCY = 64;

	static final Duration LONG_LIFETIME = Duration.ofHours(1);

	static final int MIN_WARMUP_PASSES = 3;

	static final int MAX_WARMUP_PASSES = 6;

	static final double SETTLED = 0.15;

	private final BenchmarkPlan plan;

	private final LoopbackPatternHealthServer server;

	private final Side side;

	private final SideBySideTable table;

	ThroughputBenchmark(BenchmarkPlan plan, LoopbackPatternHealthServer server, Side side, SideBySideTable table) {
		this.plan = plan;
		this.server = server;
		this.side = side;
		this.table = table;
	}

	void run() {
		Side side = this.side;
		BenchmarkRunner.progress("Throughput at " + CONCURRENCY + " concurrent calls, " + side.transport());
		this.server.reset(LONG_LIFETIME, Duration.ZERO);
		String token = this.server.issueToken();
		List<MeasuredClient> contenders = List.of(side.floorClient(token),
				side.fresh(side.springSecurity(), LONG_LIFETIME), side.fresh(side.starter(), LONG_LIFETIME));
		MeasuredClient secondFloor = side.secondFloorClient(token);
		for (MeasuredClient contender : contenders) {
			contender.call();
		}
		int passes = warmUp(contenders);
		List<MeasuredClient> measured = new ArrayList<>(contenders);
		measured.add(secondFloor);
		long failed = 0;
		for (int round = 0; round < this.plan.rounds(); round++) {
			Map<String, Load.Throughput> results = new LinkedHashMap<>();
			for (MeasuredClient contender : rotate(measured, round)) {
				Load.Throughput throughput = contender.throughput(CONCURRENCY, this.plan.warmup(), this.plan.measure());
				results.put(contender.name(), throughput);
				failed += throughput.failed();
				this.table.add("throughput", contender.name(), throughput.callsPerSecond());
				this.table.add("cpuPerCall", contender.name(), throughput.cpuMicrosPerCall());
			}
			Load.Throughput floor = results.get(side.floor());
			results.forEach((name, throughput) -> {
				this.table.add("throughputRatio", name, throughput.callsPerSecond() / floor.callsPerSecond());
				this.table.add("cpuRatio", name, floor.cpuMicrosPerCall() / throughput.cpuMicrosPerCall());
			});
			if (round % 10 == 9) {
				progress(round, results);
			}
		}
		Stats noise = Stats.of(this.table.values("throughputRatio", side.secondFloor()));
		this.table.note(String.format(Locale.ROOT,
				"Throughput: %d rounds, each measuring every client for %.1f s after %.1f s of ramp-up, in "
						+ "rotating order, after %d warm-up passes of %d s per client (until the rates settled: the "
						+ "JIT takes tens of seconds of this load on two cores); tokens live 1 hour; token requests "
						+ "%d, 401 answers %d, failed calls %d. The resolution of the comparison: a second bare "
						+ "%s, measured in the same rounds, ran at %s of %s.",
				this.plan.rounds(), this.plan.measure().toMillis() / 1000.0, this.plan.warmup().toMillis() / 1000.0,
				passes, this.plan.jitWarmup().toSeconds(), this.server.tokenRequests(), this.server.rejectedCalls(),
				failed, side.transport(), noise.format(3), Side.label(side.floor())));
	}

	private void progress(int round, Map<String, Load.Throughput> results) {
		Side side = this.side;
		Load.Throughput floor = results.get(side.floor());
		Load.Throughput b = results.get(side.springSecurity());
		Load.Throughput c = results.get(side.starter());
		Load.Throughput again = results.get(side.secondFloor());
		String a = Side.label(side.floor());
		BenchmarkRunner.progress(String.format(Locale.ROOT,
				"  round %2d: %s %5.0f/s %5.1f µs CPU/call; %s/%s %.3f, CPU %.3f; %s/%s %.3f, CPU %.3f; %s/%s %.3f",
				round + 1, a, floor.callsPerSecond(), floor.cpuMicrosPerCall(), Side.label(side.springSecurity()), a,
				b.callsPerSecond() / floor.callsPerSecond(), floor.cpuMicrosPerCall() / b.cpuMicrosPerCall(),
				Side.label(side.starter()), a, c.callsPerSecond() / floor.callsPerSecond(),
				floor.cpuMicrosPerCall() / c.cpuMicrosPerCall(), Side.label(side.secondFloor()), a,
				again.callsPerSecond() / floor.callsPerSecond()));
	}

	/**
	 * Run every client in turn until the CPU time per call of each changes by less than
	 * {@value #SETTLED} from one pass to the next, or for {@value #MAX_WARMUP_PASSES}
	 * passes.
	 * @return the number of passes
	 */
	private int warmUp(List<MeasuredClient> contenders) {
		Map<String, Double> previous = new LinkedHashMap<>();
		for (int pass = 1; pass <= MAX_WARMUP_PASSES; pass++) {
			boolean settled = pass >= MIN_WARMUP_PASSES;
			StringBuilder rates = new StringBuilder();
			for (MeasuredClient contender : contenders) {
				double cpu = contender.throughput(CONCURRENCY, this.plan.warmup(), this.plan.jitWarmup())
					.cpuMicrosPerCall();
				Double before = previous.put(contender.name(), cpu);
				settled &= (before != null && Math.abs(cpu - before) / before < SETTLED);
				rates.append(String.format(Locale.ROOT, " %s %.1f", Side.label(contender.name()), cpu));
			}
			BenchmarkRunner.progress("  warm-up pass " + pass + ", µs CPU/call:" + rates);
			if (settled) {
				return pass;
			}
		}
		return MAX_WARMUP_PASSES;
	}

	static <T> List<T> rotate(List<T> items, int distance) {
		List<T> rotated = new ArrayList<>(items);
		Collections.rotate(rotated, -distance);
		return rotated;
	}

}
