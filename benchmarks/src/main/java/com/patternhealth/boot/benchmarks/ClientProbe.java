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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the clients of one {@link ClientSetup} in a fresh JVM of their own, beside a
 * loopback server of their own, and prints what it measured as lines for
 * {@link ThroughputMatrix} to read. Each setup runs apart, as in an application of that
 * kind: the JIT compiles its code paths alone, and no other setup's connector shares its
 * heap.
 * <p>
 * Arguments: {@code throughput}, the setup's id, {@code full} or {@code quick}, and
 * optionally {@value #WITH_SPRING_SECURITY}; or {@value #PROFILE}, the setup's id,
 * {@code full} or {@code quick}, and the file to write a flight recording of the floor
 * and the starter's client to ({@link ProfileBenchmark}).
 *
 * @author Pattern Health Spring Boot authors
 */
public final class ClientProbe {

	static final String WITH_SPRING_SECURITY = "with-spring-security";

	static final String SERVER_PREFIX = "server\t";

	static final String WARMUP_PREFIX = "warm-up\t";

	static final String PROFILE = "profile";

	static final String STARTER = "starter";

	static final String FLOOR = "floor";

	static final String STUB_PROFILE = "profile-stubs";

	/** The clients of {@link WholeClientBenchmark} that the stub profile records. */
	static final List<String> STUB_CLIENTS = List.of("webClientFloor", "webClientStarter", "restClientFloor",
			"restClientStarter");

	private ClientProbe() {
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		if (STUB_PROFILE.equals(arguments.get(0))) {
			profileStubs(BenchmarkPlan.of(arguments.get(1)), Path.of(arguments.get(2)));
			System.exit(0);
		}
		ClientSetup setup = ClientSetup.of(arguments.get(1));
		BenchmarkPlan plan = BenchmarkPlan.of(arguments.get(2));
		try (LoopbackPatternHealthServer server = new LoopbackPatternHealthServer()) {
			server.reset(ThroughputBenchmark.LONG_LIFETIME, Duration.ZERO);
			ConfigurableApplicationContext application = start(setup, server);
			Side side = Side.of(setup, server, application);
			if (PROFILE.equals(arguments.get(0))) {
				profile(plan, server, side, Path.of(arguments.get(3)));
			}
			else {
				ThroughputBenchmark throughput = new ThroughputBenchmark(plan, server, side,
						arguments.contains(WITH_SPRING_SECURITY));
				int passes = throughput.run((measurement) -> System.out.println(measurement.line()));
				System.out.println(WARMUP_PREFIX + passes);
			}
			System.out.println(SERVER_PREFIX + server.tokenRequests() + "\t" + server.rejectedCalls());
			application.close();
		}
		System.exit(0);
	}

	/**
	 * Load the floor and the starter's client until the JIT has settled, then record one
	 * flight recording of both, in alternating slices: each slice's window, when only one
	 * client ran, tells the recording's events apart, and both clients see the same load
	 * of the machine on the whole.
	 */
	private static void profile(BenchmarkPlan plan, LoopbackPatternHealthServer server, Side side, Path file)
			throws Exception {
		List<MeasuredClient> clients = List.of(side.floorClient(server.issueToken()),
				side.fresh(side.starter(), ThroughputBenchmark.LONG_LIFETIME));
		clients.forEach(MeasuredClient::call);
		BenchmarkRunner.progress("Profile: warming up");
		for (int pass = 0; pass < ThroughputBenchmark.MAX_WARMUP_PASSES; pass++) {
			for (MeasuredClient client : clients) {
				client.throughput(side.concurrency(), plan.warmup(), plan.jitWarmup());
			}
		}
		BenchmarkRunner.progress("Profile: recording");
		List<String> roles = List.of(FLOOR, STARTER);
		Map<String, ProfileBenchmark.Slices> slices = new HashMap<>();
		roles.forEach((role) -> slices.put(role, new ProfileBenchmark.Slices()));
		int rounds = (int) (plan.profile().toMillis() / plan.measure().toMillis());
		FlightRecording.record(file, () -> {
			for (int round = 0; round < rounds; round++) {
				for (int index : ThroughputBenchmark.order(List.of(0, 1), round)) {
					long start = System.currentTimeMillis() + plan.warmup().toMillis();
					Load.Throughput throughput = clients.get(index)
						.throughput(side.concurrency(), plan.warmup(), plan.measure());
					slices.get(roles.get(index)).add(start, plan.measure(), throughput);
				}
			}
		});
		roles.forEach((role) -> System.out.println(slices.get(role).line(role)));
	}

	/**
	 * Record the whole clients of {@link WholeClientBenchmark} over the stub HTTP client
	 * libraries, called one after another from this thread, in alternating slices as
	 * {@link #profile} does: what each client costs without the network, the server and
	 * the other threads of a loaded machine.
	 */
	private static void profileStubs(BenchmarkPlan plan, Path file) throws Exception {
		WholeClientBenchmark benchmark = new WholeClientBenchmark();
		benchmark.start();
		Map<String, Runnable> clients = Map.of(STUB_CLIENTS.get(0), benchmark::webClientFloor, STUB_CLIENTS.get(1),
				benchmark::webClientStarter, STUB_CLIENTS.get(2), benchmark::restClientFloor, STUB_CLIENTS.get(3),
				benchmark::restClientStarter);
		BenchmarkRunner.progress("Profile of the whole clients over stubs: warming up");
		for (int pass = 0; pass < ThroughputBenchmark.MAX_WARMUP_PASSES; pass++) {
			STUB_CLIENTS.forEach((name) -> callFor(clients.get(name), plan.jitWarmup()));
		}
		BenchmarkRunner.progress("Profile of the whole clients over stubs: recording");
		Map<String, ProfileBenchmark.Slices> slices = new HashMap<>();
		STUB_CLIENTS.forEach((name) -> slices.put(name, new ProfileBenchmark.Slices()));
		int rounds = (int) (plan.profile().toMillis() / plan.measure().toMillis());
		FlightRecording.record(file, () -> {
			for (int round = 0; round < rounds; round++) {
				for (String name : ThroughputBenchmark.order(STUB_CLIENTS, round)) {
					long start = System.currentTimeMillis();
					slices.get(name).add(start, plan.measure(), callFor(clients.get(name), plan.measure()));
				}
			}
		});
		benchmark.stop();
		STUB_CLIENTS.forEach((name) -> System.out.println(slices.get(name).line(name)));
	}

	/**
	 * Call the given client from this thread, one call after another, for the given time.
	 * @return calls per second and this thread's CPU time per call
	 */
	private static Load.Throughput callFor(Runnable client, Duration duration) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long calls = 0;
		long now;
		do {
			client.run();
			calls++;
			now = System.nanoTime();
		}
		while (now < end);
		return new Load.Throughput(calls * 1e9 / (now - start), (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / calls,
				0);
	}

	/**
	 * Start the application of the given setup, with the starter's clients configured.
	 */
	static ConfigurableApplicationContext start(ClientSetup setup, LoopbackPatternHealthServer server) {
		Map<String, Object> properties = new HashMap<>(BenchmarkApplication.patternHealthProperties(server.baseUrl()));
		properties.putAll(setup.properties());
		return BenchmarkApplication.start(properties, setup.actuator());
	}

}
