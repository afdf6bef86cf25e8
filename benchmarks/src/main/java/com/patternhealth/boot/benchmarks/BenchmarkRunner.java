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
 * Runs every benchmark in one go and prints a markdown report. First the throughput of
 * the starter's clients against their floors, bare clients with a fixed header, in every
 * {@link ClientSetup}, each in a fresh JVM ({@link ThroughputMatrix}); then, side by side
 * against one loopback server, (a) a bare {@code WebClient}, (b) Spring Security's
 * client_credentials support and (c) the starter's {@code patternHealthWebClient}
 * ({@link ExpiryBenchmark}), and the same for the blocking (a'), (b') and (c'),
 * {@code RestClient}s and the starter's {@code patternHealthRestClient}; then the heap of
 * a long run ({@link HeapBenchmark}), the filters and whole clients under JMH
 * ({@link PerCallCostBenchmark}) and the cost of the starter at application start
 * ({@link StartupBenchmark}); and flight recordings of the floors and the starter's
 * clients, to show where a call's time and bytes go ({@link ProfileBenchmark}).
 * <p>
 * Arguments, in any order: {@code full} (the default) or {@code quick} (a short run to
 * try changes), the file to write the report to (ending in {@code .md}; the last one
 * given), and optionally the parts to run (by default all of them):
 * {@code throughput profile tokens latency heap jmh startup}, the sides to measure them
 * on (by default both): {@code reactive blocking}, and the setups whose throughput is
 * compared (by default every setup of those sides; in a quick run only the two that the
 * sides' tables report), such as {@code webclient-jdk-actuator}.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class BenchmarkRunner {

	/** The starter's default refresh-ahead share, also Spring Security's clock skew. */
	static final double REFRESH_AHEAD = 0.1;

	static final List<String> PARTS = List.of("throughput", "profile", "tokens", "latency", "heap", "jmh", "startup");

	static final List<String> SIDES = List.of("reactive", "blocking");

	static final String PROGRESS = "[benchmarks] ";

	private final BenchmarkPlan plan;

	private final Set<String> parts;

	private final LoopbackPatternHealthServer server;

	private final ThroughputMatrix throughput;

	private final ConfigurableApplicationContext host;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final StringBuilder report = new StringBuilder();

	private final LatencyChart chart = new LatencyChart();

	private BenchmarkRunner(BenchmarkPlan plan, Set<String> parts, LoopbackPatternHealthServer server,
			ThroughputMatrix throughput) {
		this.plan = plan;
		this.parts = parts;
		this.server = server;
		this.throughput = throughput;
		this.host = Contender.host();
		this.contexts.add(this.host);
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = List.of(args);
		BenchmarkPlan plan = arguments.contains(BenchmarkPlan.QUICK.name()) ? BenchmarkPlan.QUICK : BenchmarkPlan.FULL;
		// The last one given, so that a file named after the script's default wins
		Path output = arguments.stream()
			.filter((argument) -> argument.endsWith(".md"))
			.map(Path::of)
			.reduce((first, last) -> last)
			.orElse(Path.of("target/benchmark-results.md"));
		Set<String> parts = new LinkedHashSet<>(arguments.stream()
			.filter((argument) -> !argument.endsWith(".md") && !argument.equals(BenchmarkPlan.QUICK.name())
					&& !argument.equals(BenchmarkPlan.FULL.name()))
			.toList());
		List<String> setupIds = ClientSetup.ALL.stream().map(ClientSetup::id).toList();
		if (!parts.stream()
			.allMatch((part) -> PARTS.contains(part) || SIDES.contains(part) || setupIds.contains(part))) {
			throw new IllegalArgumentException(
					"Unknown parts " + parts + "; choose among " + PARTS + " " + SIDES + " " + setupIds);
		}
		if (parts.stream().noneMatch(PARTS::contains)) {
			parts.addAll(PARTS);
		}
		if (parts.stream().noneMatch(SIDES::contains)) {
			parts.addAll(SIDES);
		}
		long started = System.nanoTime();
		String loadBefore = LoadAverage.now();
		String report;
		ThroughputMatrix throughput = new ThroughputMatrix(plan);
		if (parts.contains("throughput")) {
			throughput.run(setups(plan, parts));
		}
		ProfileBenchmark profiles = new ProfileBenchmark(plan, output.resolveSibling("profiles"));
		if (parts.contains("profile")) {
			profiles.run(setups(BenchmarkPlan.QUICK, parts));
		}
		try (LoopbackPatternHealthServer server = new LoopbackPatternHealthServer()) {
			BenchmarkRunner runner = new BenchmarkRunner(plan, parts, server, throughput);
			throughput.appendTo(runner.report);
			try {
				if (parts.contains("reactive")) {
					runner.sideBySide(Side.reactive(server, runner.host, runner.contexts::add), true);
				}
				if (parts.contains("blocking")) {
					runner.sideBySide(Side.blocking(server, runner.host, runner.contexts::add), false);
				}
				if (parts.contains("heap")) {
					new HeapBenchmark(plan, server, runner::starter).appendTo(runner.report);
				}
			}
			finally {
				runner.close();
			}
			runner.drawLatency(output);
			if (parts.contains("jmh")) {
				new PerCallCostBenchmark(plan).appendTo(runner.report);
			}
			if (parts.contains("startup")) {
				new StartupBenchmark(plan).appendTo(runner.report);
			}
			profiles.appendTo(runner.report);
			report = runner.header(loadBefore, Duration.ofNanos(System.nanoTime() - started)) + runner.report;
		}
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, report, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + output);
		System.exit(0);
	}

	/**
	 * The setups to measure: those named, or else every setup of the sides to measure (in
	 * a quick run only those that the sides' tables report).
	 */
	static List<ClientSetup> setups(BenchmarkPlan plan, Set<String> parts) {
		List<ClientSetup> named = ClientSetup.ALL.stream().filter((setup) -> parts.contains(setup.id())).toList();
		if (!named.isEmpty()) {
			return named;
		}
		return ClientSetup.ALL.stream()
			.filter((setup) -> parts.contains(setup.reactive() ? "reactive" : "blocking"))
			.filter((setup) -> plan != BenchmarkPlan.QUICK || setup.sideBySide())
			.toList();
	}

	private void sideBySide(Side side, boolean reactive) {
		SideBySideTable table = new SideBySideTable(side);
		this.throughput.fill(table, side, reactive);
		ExpiryBenchmark expiry = new ExpiryBenchmark(this.plan, this.server, side, table, this.chart);
		if (this.parts.contains("tokens")) {
			expiry.tokenRequests();
		}
		if (this.parts.contains("latency")) {
			expiry.latency();
		}
		table.appendTo(this.report);
	}

	/**
	 * Draw the latency runs, if any: where {@code benchmarks.chart} says in a full run,
	 * beside the report in a quick one.
	 */
	private void drawLatency(Path report) throws IOException {
		if (this.chart.isEmpty()) {
			return;
		}
		String configured = System.getProperty("benchmarks.chart");
		Path file = (configured != null && this.plan == BenchmarkPlan.FULL) ? Path.of(configured)
				: report.resolveSibling("latency-around-expiry.svg");
		this.chart.write(file,
				String.format(Locale.ROOT,
						"Latency of each call around token expiries, first round of a %s run on %s; load average %s",
						this.plan.name(), LocalDate.now(), LoadAverage.now()));
		this.report.append("Latency of every call of the first latency round: ").append(file).append("\n\n");
		progress("Latency chart written to " + file);
	}

	private Contender starter() {
		Contender contender = Contender.starter(this.server.baseUrl());
		this.contexts.add(contender.context());
		return contender;
	}

	private String header(String loadBefore, Duration took) {
		return String.format(Locale.ROOT,
				"Measured on %s: %d CPUs (nproc), %s memory, %s %s (%s), %s %s; load average (1, 5, 15 min) %s "
						+ "before and %s after a %s run that took %d min %d s. Each value is the median of the "
						+ "rounds, with the middle half of the rounds (first to third quartile) in brackets.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), memory(),
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
				loadBefore, LoadAverage.now(), this.plan.name().toLowerCase(Locale.ROOT), took.toMinutes(),
				took.toSecondsPart());
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
		System.out.println(PROGRESS + message);
	}

	private void close() {
		Collections.reverse(this.contexts);
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

}
