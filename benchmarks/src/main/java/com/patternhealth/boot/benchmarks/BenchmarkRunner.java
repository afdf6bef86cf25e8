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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs every benchmark in one go and prints a markdown report: (a) a bare
 * {@code WebClient} with a fixed header, (b) Spring Security's client_credentials support
 * and (c) the starter's {@code patternHealthWebClient}, side by side against one loopback
 * server ({@link ThroughputBenchmark}, {@link ExpiryBenchmark}); the same for the
 * blocking (a'), (b') and (c'), {@code RestClient}s and the starter's
 * {@code patternHealthRestClient}; then the heap of a long run ({@link HeapBenchmark}),
 * the filters alone under JMH ({@link FilterCostBenchmark}) and the cost of the starter
 * at application start ({@link StartupBenchmark}).
 * <p>
 * Arguments: {@code full} or {@code quick} (a short run to try changes), the file to
 * write the report to, and optionally the parts to run (by default all of them):
 * {@code throughput tokens latency heap jmh startup}, and the sides to measure them on
 * (by default both): {@code reactive blocking}.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class BenchmarkRunner {

	/** The starter's default refresh-ahead share, also Spring Security's clock skew. */
	static final double REFRESH_AHEAD = 0.1;

	static final List<String> PARTS = List.of("throughput", "tokens", "latency", "heap", "jmh", "startup");

	static final List<String> SIDES = List.of("reactive", "blocking");

	private final BenchmarkPlan plan;

	private final Set<String> parts;

	private final LoopbackPatternHealthServer server;

	private final ConfigurableApplicationContext host;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final StringBuilder report = new StringBuilder();

	private BenchmarkRunner(BenchmarkPlan plan, Set<String> parts, LoopbackPatternHealthServer server) {
		this.plan = plan;
		this.parts = parts;
		this.server = server;
		this.host = Contender.host();
		this.contexts.add(this.host);
	}

	public static void main(String[] args) throws Exception {
		BenchmarkPlan plan = (args.length > 0 && "quick".equals(args[0])) ? BenchmarkPlan.QUICK : BenchmarkPlan.FULL;
		Path output = Path.of((args.length > 1) ? args[1] : "target/benchmark-results.md");
		Set<String> parts = new LinkedHashSet<>((args.length > 2) ? List.of(args).subList(2, args.length) : PARTS);
		if (!parts.stream().allMatch((part) -> PARTS.contains(part) || SIDES.contains(part))) {
			throw new IllegalArgumentException("Unknown parts " + parts + "; choose among " + PARTS + " " + SIDES);
		}
		if (parts.stream().noneMatch(PARTS::contains)) {
			parts.addAll(PARTS);
		}
		if (parts.stream().noneMatch(SIDES::contains)) {
			parts.addAll(SIDES);
		}
		long started = System.nanoTime();
		double loadBefore = loadAverage();
		String report;
		try (LoopbackPatternHealthServer server = new LoopbackPatternHealthServer()) {
			BenchmarkRunner runner = new BenchmarkRunner(plan, parts, server);
			try {
				if (parts.contains("reactive")) {
					runner.sideBySide(Side.reactive(server, runner.host, runner.contexts::add));
				}
				if (parts.contains("blocking")) {
					runner.sideBySide(Side.blocking(server, runner.host, runner.contexts::add));
				}
				if (parts.contains("heap")) {
					new HeapBenchmark(plan, server, runner::starter).appendTo(runner.report);
				}
			}
			finally {
				runner.close();
			}
			if (parts.contains("jmh")) {
				new FilterCostBenchmark(plan).appendTo(runner.report);
			}
			if (parts.contains("startup")) {
				new StartupBenchmark(plan).appendTo(runner.report);
			}
			report = runner.header(loadBefore, Duration.ofNanos(System.nanoTime() - started)) + runner.report;
		}
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, report, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + output);
		System.exit(0);
	}

	private void sideBySide(Side side) {
		SideBySideTable table = new SideBySideTable(side);
		if (this.parts.contains("throughput")) {
			new ThroughputBenchmark(this.plan, this.server, side, table).run();
		}
		ExpiryBenchmark expiry = new ExpiryBenchmark(this.plan, this.server, side, table);
		if (this.parts.contains("tokens")) {
			expiry.tokenRequests();
		}
		if (this.parts.contains("latency")) {
			expiry.latency();
		}
		table.appendTo(this.report);
	}

	private Contender starter() {
		Contender contender = Contender.starter(this.server.baseUrl());
		this.contexts.add(contender.context());
		return contender;
	}

	private String header(double loadBefore, Duration took) {
		return String.format(Locale.ROOT,
				"Measured on %s: %d CPUs (nproc), %s memory, %s %s (%s), %s %s; load average %.2f before and "
						+ "%.2f after a %s run that took %d min %d s. Each value is the median of the rounds, with "
						+ "the middle half of the rounds (first to third quartile) in brackets.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), memory(),
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
				loadBefore, loadAverage(), this.plan.name().toLowerCase(Locale.ROOT), took.toMinutes(),
				took.toSecondsPart());
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static String memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kb = Long.parseLong(line.replaceAll("\\D", ""));
					return String.format(Locale.ROOT, "%.1f GiB", kb / (1024.0 * 1024));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Reported as unknown
		}
		return "unknown";
	}

	static void progress(String message) {
		System.out.println("[benchmarks] " + message);
	}

	private void close() {
		Collections.reverse(this.contexts);
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

}
