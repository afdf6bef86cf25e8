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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs every benchmark in one go and prints a markdown report: (a) a bare
 * {@code WebClient} with a fixed header, (b) Spring Security's client_credentials support
 * and (c) the starter's {@code patternHealthWebClient}, side by side against one loopback
 * server, then the filters alone under JMH, then the cost of the starter at application
 * start.
 * <p>
 * Arguments: {@code full} or {@code quick} (a short run to try changes), the file to
 * write the report to, and optionally the parts to run (by default all of them):
 * {@code throughput tokens latency heap jmh startup}.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class BenchmarkRunner {

	static final int CONCURRENCY = 64;

	static final int BURST = 1000;

	static final Duration LONG_LIFETIME = Duration.ofHours(1);

	static final Duration BURST_LIFETIME = Duration.ofSeconds(5);

	static final Duration EXPIRY_LIFETIME = Duration.ofSeconds(5);

	static final Duration SOAK_LIFETIME = Duration.ofSeconds(2);

	static final Duration TOKEN_DELAY = Duration.ofMillis(200);

	static final Duration SOAK_TOKEN_DELAY = Duration.ofMillis(20);

	static final int CALLS_PER_SECOND = 400;

	static final String SECOND_FIXED_HEADER = "(a') second bare WebClient";

	static final int MIN_WARMUP_PASSES = 3;

	static final int MAX_WARMUP_PASSES = 6;

	static final double SETTLED = 0.15;

	/** The starter's default refresh-ahead share, also (b)'s clock skew. */
	static final double REFRESH_AHEAD = 0.1;

	/** Calls that start this share of a lifetime before a token expires... */
	static final double WINDOW_BEFORE = 0.15;

	/** ...up to this share after it are the calls "around expiry". */
	static final double WINDOW_AFTER = 0.05;

	static final List<String> PARTS = List.of("throughput", "tokens", "latency", "heap", "jmh", "startup");

	private final Plan plan;

	private final Set<String> parts;

	private final LoopbackPatternHealthServer server;

	private final ConfigurableApplicationContext host;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final StringBuilder report = new StringBuilder();

	private BenchmarkRunner(Plan plan, Set<String> parts, LoopbackPatternHealthServer server) {
		this.plan = plan;
		this.parts = parts;
		this.server = server;
		this.host = Contender.host();
		this.contexts.add(this.host);
	}

	public static void main(String[] args) throws Exception {
		Plan plan = (args.length > 0 && "quick".equals(args[0])) ? Plan.QUICK : Plan.FULL;
		Path output = Path.of((args.length > 1) ? args[1] : "target/benchmark-results.md");
		Set<String> parts = new LinkedHashSet<>((args.length > 2) ? List.of(args).subList(2, args.length) : PARTS);
		if (!PARTS.containsAll(parts)) {
			throw new IllegalArgumentException("Unknown parts " + parts + "; choose among " + PARTS);
		}
		long started = System.nanoTime();
		double loadBefore = loadAverage();
		String report;
		try (LoopbackPatternHealthServer server = new LoopbackPatternHealthServer()) {
			BenchmarkRunner runner = new BenchmarkRunner(plan, parts, server);
			try {
				runner.sideBySide();
				if (parts.contains("heap")) {
					runner.heapSoak();
				}
			}
			finally {
				runner.close();
			}
			if (parts.contains("jmh")) {
				runner.bearerFilter();
			}
			if (parts.contains("startup")) {
				runner.startup();
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

	private void sideBySide() {
		Map<String, List<Double>> rows = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		if (this.parts.contains("throughput")) {
			throughput(rows, notes);
		}
		if (this.parts.contains("tokens")) {
			tokenRequests(rows, notes);
		}
		if (this.parts.contains("latency")) {
			expiryLatency(rows, notes);
		}
		if (rows.isEmpty()) {
			return;
		}
		this.report.append("| Measure | ")
			.append(Contender.FIXED_HEADER)
			.append(" | ")
			.append(Contender.SPRING_SECURITY)
			.append(" | ")
			.append(Contender.STARTER)
			.append(" | Target for (c) | Met |\n|---|--:|--:|--:|---|---|\n");
		row("Throughput at " + CONCURRENCY + " concurrent calls (calls/s)", rows, "throughput", 0, null, null);
		row("Throughput relative to (a), same round", rows, "throughputRatio", 3, ">= 0.95",
				(stats) -> stats.median() >= 0.95);
		this.report.append("| Resolution: a second bare WebClient relative to (a), same round | ")
			.append(Stats.of(rows.getOrDefault("throughputRatio." + SECOND_FIXED_HEADER, List.of())).format(3))
			.append(" | | | | |\n");
		row("CPU time per call, client and server (µs)", rows, "cpuPerCall", 1, null, null);
		row("Calls per CPU second relative to (a), same round", rows, "cpuRatio", 3, ">= 0.95",
				(stats) -> stats.median() >= 0.95);
		row("Token requests for " + String.format(Locale.ROOT, "%,d", BURST) + " concurrent calls, cold start", rows,
				"tokensCold", 0, "1", (stats) -> stats.high() == 1);
		row("Token requests for " + String.format(Locale.ROOT, "%,d", BURST) + " concurrent calls, token expired", rows,
				"tokensExpired", 0, "1", (stats) -> stats.high() == 1);
		row("Failed calls of those " + String.format(Locale.ROOT, "%,d", 2 * BURST), rows, "burstFailures", 0, "0",
				(stats) -> stats.high() == 0);
		row("Latency p50, steady state (ms)", rows, "steadyP50", 2, null, null);
		row("Latency p99, steady state (ms)", rows, "steadyP99", 2, null, null);
		row("Latency p50, calls around expiry (ms)", rows, "expiryP50", 2, null, null);
		row("Latency p99, calls around expiry (ms)", rows, "expiryP99", 2, null, null);
		row("p99 around expiry / p99 steady state", rows, "p99Ratio", 2, "<= 1.2", (stats) -> stats.median() <= 1.2);
		row("Token requests per expiry in the latency run", rows, "tokensPerExpiry", 1, "1",
				(stats) -> stats.high() <= 1);
		row("401 answers and failed calls in the latency runs", rows, "latencyFailures", 0, "0",
				(stats) -> stats.high() == 0);
		this.report.append('\n');
		notes.forEach((note) -> this.report.append("- ").append(note).append('\n'));
		this.report.append('\n');
	}

	private void throughput(Map<String, List<Double>> rows, List<String> notes) {
		progress("Throughput at " + CONCURRENCY + " concurrent calls");
		this.server.reset(LONG_LIFETIME, Duration.ZERO);
		String token = this.server.issueToken();
		List<Contender> contenders = List.of(Contender.fixedHeader(this.host, this.server.baseUrl(), token),
				springSecurity(LONG_LIFETIME), starter());
		Contender secondFloor = new Contender(SECOND_FIXED_HEADER,
				Contender.fixedHeader(this.host, this.server.baseUrl(), token).webClient(), this.host);
		for (Contender contender : contenders) {
			Load.call(contender.webClient()).block(Duration.ofSeconds(10));
		}
		int passes = warmUp(contenders);
		List<Contender> measured = new ArrayList<>(contenders);
		measured.add(secondFloor);
		long failed = 0;
		for (int round = 0; round < this.plan.rounds(); round++) {
			Map<String, Load.Throughput> results = new LinkedHashMap<>();
			for (Contender contender : rotate(measured, round)) {
				Load.Throughput throughput = Load.throughput(contender.webClient(), CONCURRENCY, this.plan.warmup(),
						this.plan.measure());
				results.put(contender.name(), throughput);
				failed += throughput.failed();
				add(rows, "throughput", contender.name(), throughput.callsPerSecond());
				add(rows, "cpuPerCall", contender.name(), throughput.cpuMicrosPerCall());
			}
			Load.Throughput floor = results.get(Contender.FIXED_HEADER);
			results.forEach((name, throughput) -> {
				add(rows, "throughputRatio", name, throughput.callsPerSecond() / floor.callsPerSecond());
				add(rows, "cpuRatio", name, floor.cpuMicrosPerCall() / throughput.cpuMicrosPerCall());
			});
			Load.Throughput b = results.get(Contender.SPRING_SECURITY);
			Load.Throughput c = results.get(Contender.STARTER);
			Load.Throughput again = results.get(SECOND_FIXED_HEADER);
			if (round % 10 != 9) {
				continue;
			}
			progress(String.format(Locale.ROOT,
					"  round %2d: (a) %5.0f/s %5.1f µs CPU/call; (b)/(a) %.3f, CPU %.3f; (c)/(a) %.3f, CPU %.3f; "
							+ "(a')/(a) %.3f",
					round + 1, floor.callsPerSecond(), floor.cpuMicrosPerCall(),
					b.callsPerSecond() / floor.callsPerSecond(), floor.cpuMicrosPerCall() / b.cpuMicrosPerCall(),
					c.callsPerSecond() / floor.callsPerSecond(), floor.cpuMicrosPerCall() / c.cpuMicrosPerCall(),
					again.callsPerSecond() / floor.callsPerSecond()));
		}
		Stats noise = Stats.of(rows.get("throughputRatio." + SECOND_FIXED_HEADER));
		notes.add(String.format(Locale.ROOT,
				"Throughput: %d rounds, each measuring every client for %.1f s after %.1f s of ramp-up, in "
						+ "rotating order, after %d warm-up passes of %d s per client (until the rates settled: the "
						+ "JIT takes tens of seconds of this load on two cores); tokens live 1 hour; token requests "
						+ "%d, 401 answers %d, failed calls %d. The resolution of the comparison: a second bare "
						+ "WebClient, measured in the same rounds, ran at %s of (a).",
				this.plan.rounds(), this.plan.measure().toMillis() / 1000.0, this.plan.warmup().toMillis() / 1000.0,
				passes, this.plan.jitWarmup().toSeconds(), this.server.tokenRequests(), this.server.rejectedCalls(),
				failed, noise.format(3)));
	}

	/**
	 * Run every client in turn until the CPU time per call of each changes by less than
	 * {@value #SETTLED} from one pass to the next, or for {@value #MAX_WARMUP_PASSES}
	 * passes.
	 * @return the number of passes
	 */
	private int warmUp(List<Contender> contenders) {
		Map<String, Double> previous = new LinkedHashMap<>();
		for (int pass = 1; pass <= MAX_WARMUP_PASSES; pass++) {
			boolean settled = pass >= MIN_WARMUP_PASSES;
			StringBuilder rates = new StringBuilder();
			for (Contender contender : contenders) {
				double cpu = Load
					.throughput(contender.webClient(), CONCURRENCY, this.plan.warmup(), this.plan.jitWarmup())
					.cpuMicrosPerCall();
				Double before = previous.put(contender.name(), cpu);
				settled &= (before != null && Math.abs(cpu - before) / before < SETTLED);
				rates.append(String.format(Locale.ROOT, " %s %.1f", contender.name().substring(0, 3), cpu));
			}
			progress("  warm-up pass " + pass + ", µs CPU/call:" + rates);
			if (settled) {
				return pass;
			}
		}
		return MAX_WARMUP_PASSES;
	}

	private void tokenRequests(Map<String, List<Double>> rows, List<String> notes) {
		progress("Token requests for " + BURST + " concurrent calls");
		for (int round = 0; round < this.plan.tokenRounds(); round++) {
			for (String name : rotate(List.of(Contender.SPRING_SECURITY, Contender.STARTER), round)) {
				this.server.reset(BURST_LIFETIME, TOKEN_DELAY);
				Contender contender = Contender.SPRING_SECURITY.equals(name) ? springSecurity(BURST_LIFETIME)
						: starter();
				long start = System.nanoTime();
				long failed = Load.burst(contender.webClient(), BURST);
				long coldMillis = (System.nanoTime() - start) / 1_000_000;
				long cold = this.server.tokenRequests();
				sleepUntilExpired(BURST_LIFETIME);
				start = System.nanoTime();
				failed += Load.burst(contender.webClient(), BURST);
				long expiredMillis = (System.nanoTime() - start) / 1_000_000;
				long expired = this.server.tokenRequests() - cold;
				add(rows, "tokensCold", name, cold);
				add(rows, "tokensExpired", name, expired);
				add(rows, "burstFailures", name, failed);
				progress(String.format(Locale.ROOT,
						"  round %d %s: cold %d token requests (%d ms), expired %d (%d ms), failed %d, 401s %d",
						round + 1, name.substring(0, 3), cold, coldMillis, expired, expiredMillis, failed,
						this.server.rejectedCalls()));
			}
		}
		notes.add(String.format(Locale.ROOT,
				"Token requests: %d rounds; a new client each time, %,d calls started at once when it has no "
						+ "token, then %,d more once its token (lifetime %d s) has expired; the token endpoint "
						+ "answers after %d ms.",
				this.plan.tokenRounds(), BURST, BURST, BURST_LIFETIME.toSeconds(), TOKEN_DELAY.toMillis()));
	}

	private void expiryLatency(Map<String, List<Double>> rows, List<String> notes) {
		progress("Latency around token expiry");
		Duration run = EXPIRY_LIFETIME.multipliedBy(this.plan.expiries()).plusMillis(500);
		for (int round = 0; round < this.plan.latencyRounds(); round++) {
			for (String name : rotate(List.of(Contender.SPRING_SECURITY, Contender.STARTER), round)) {
				this.server.reset(EXPIRY_LIFETIME, TOKEN_DELAY);
				Contender contender = fresh(name, EXPIRY_LIFETIME);
				Load.call(contender.webClient()).block(Duration.ofSeconds(10));
				long firstTokens = this.server.tokenRequests();
				Load.Samples samples = Load.openLoop(contender.webClient(), CALLS_PER_SECOND, run);
				long[][] windows = windows(this.server.issuedAt(), EXPIRY_LIFETIME);
				long[] around = samples.select(windows, true);
				long[] steady = samples.select(windows, false);
				double steadyP50 = Stats.percentile(steady, 50) / 1e6;
				double steadyP99 = Stats.percentile(steady, 99) / 1e6;
				double expiryP50 = Stats.percentile(around, 50) / 1e6;
				double expiryP99 = Stats.percentile(around, 99) / 1e6;
				add(rows, "steadyP50", name, steadyP50);
				add(rows, "steadyP99", name, steadyP99);
				add(rows, "expiryP50", name, expiryP50);
				add(rows, "expiryP99", name, expiryP99);
				add(rows, "p99Ratio", name, expiryP99 / steadyP99);
				add(rows, "tokensPerExpiry", name,
						(this.server.tokenRequests() - firstTokens) / (double) this.plan.expiries());
				add(rows, "latencyFailures", name, samples.failed() + this.server.rejectedCalls());
				progress(String.format(Locale.ROOT,
						"  round %d %s: steady p50 %.2f p99 %.2f ms (%d calls); around expiry p50 %.2f p99 %.2f ms "
								+ "(%d calls);" + " token requests %d, 401s %d, failed %d",
						round + 1, name.substring(0, 3), steadyP50, steadyP99, steady.length, expiryP50, expiryP99,
						around.length, this.server.tokenRequests(), this.server.rejectedCalls(), samples.failed()));
			}
		}
		notes.add(String.format(Locale.ROOT,
				"Latency: %d rounds; a new client each time, then calls started at a fixed rate of %d per second "
						+ "for %.1f s and timed from when they were due, with %d-s tokens (%d expiries) and a token "
						+ "endpoint that answers after %d ms. Around expiry: the calls started from %.0f%% of a "
						+ "lifetime before a token's expiry to %.0f%% after it; steady state: the other calls of the "
						+ "same run. (b) uses a clock skew of %.0f%% of the lifetime: with Spring's default of 60 s "
						+ "a %d-s token would be fetched again on every call.",
				this.plan.latencyRounds(), CALLS_PER_SECOND, run.toMillis() / 1000.0, EXPIRY_LIFETIME.toSeconds(),
				this.plan.expiries(), TOKEN_DELAY.toMillis(), WINDOW_BEFORE * 100, WINDOW_AFTER * 100,
				REFRESH_AHEAD * 100, EXPIRY_LIFETIME.toSeconds()));
	}

	private void heapSoak() {
		progress("Heap during a long run of (c)");
		this.server.reset(SOAK_LIFETIME, SOAK_TOKEN_DELAY);
		Contender contender = starter();
		Load.ClosedLoop loop = Load.ClosedLoop.start(contender.webClient(), CONCURRENCY);
		Load.sleep(this.plan.soakSample());
		List<Double> heap = new ArrayList<>();
		long start = System.nanoTime();
		for (int sample = 0; sample <= this.plan.soakSamples(); sample++) {
			if (sample > 0) {
				Load.sleep(this.plan.soakSample());
			}
			heap.add(usedHeapAfterGc() / (1024.0 * 1024));
			progress(String.format(Locale.ROOT, "  %3d s: %.1f MB used after GC, %,d calls, %d token requests",
					(System.nanoTime() - start) / 1_000_000_000, heap.get(heap.size() - 1), loop.completed(),
					this.server.tokenRequests()));
		}
		loop.stop();
		double minutes = (System.nanoTime() - start) / 60e9;
		double slope = slope(heap) * this.plan.soakSamples() / minutes;
		double growth = heap.get(heap.size() - 1) - heap.get(0);
		this.report.append("| Heap during a long run of (c) | Value |\n|---|--:|\n");
		this.report.append(String.format(Locale.ROOT,
				"| Run | %.1f min, %d concurrent calls, %d-s tokens (%d ms token endpoint) |%n", minutes, CONCURRENCY,
				SOAK_LIFETIME.toSeconds(), SOAK_TOKEN_DELAY.toMillis()));
		this.report.append(String.format(Locale.ROOT,
				"| Calls, token requests, 401 answers, failed calls | " + "%,d, %d, %d, %d |%n", loop.completed(),
				this.server.tokenRequests(), this.server.rejectedCalls(), loop.failed()));
		this.report.append(String.format(Locale.ROOT, "| Heap used after a full GC, every %d s (MB) | %s |%n",
				this.plan.soakSample().toSeconds(),
				heap.stream().map((mb) -> Stats.number(mb, 1)).reduce((a, b) -> a + ", " + b).orElse("")));
		this.report.append(String.format(Locale.ROOT,
				"| Growth first to last sample; least-squares trend (MB, MB/min) | %+.1f; %+.2f |%n%n", growth, slope));
	}

	private void bearerFilter() throws RunnerException {
		progress("Bearer filter per request (JMH)");
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(BearerFilterBenchmark.class.getName() + ".")
					.forks(1)
					.warmupIterations(this.plan.jmhWarmups())
					.warmupTime(TimeValue.seconds(1))
					.measurementIterations(this.plan.jmhIterations())
					.measurementTime(TimeValue.seconds(1))
					.jvmArgs("-Xms512m", "-Xmx512m", "-XX:+UseG1GC")
					.shouldFailOnError(true)
					.verbosity(VerboseMode.SILENT)
					.build())
			.run();
		Map<String, Stats> scores = new LinkedHashMap<>();
		for (RunResult result : results) {
			String method = result.getParams().getBenchmark();
			method = method.substring(method.lastIndexOf('.') + 1);
			List<Double> iterations = new ArrayList<>();
			result.getBenchmarkResults()
				.forEach((benchmark) -> benchmark.getIterationResults()
					.forEach((iteration) -> iterations.add(iteration.getPrimaryResult().getScore())));
			scores.put(method, Stats.of(iterations));
		}
		this.report.append("| Filter alone, token cached, no network (JMH, ns per request) | Median (quartiles) "
				+ "of " + this.plan.jmhIterations() + " iterations |\n|---|--:|\n");
		Map<String, String> names = Map.of("noFilter", "No filter (harness cost)", "plainHeaderFilter",
				"Plain filter setting a fixed header", "starterBearerFilter",
				"Starter's PatternHealthBearerExchangeFilterFunction", "springSecurityFilter",
				"Spring Security's ServerOAuth2AuthorizedClientExchangeFilterFunction");
		for (String method : List.of("noFilter", "plainHeaderFilter", "starterBearerFilter", "springSecurityFilter")) {
			Stats stats = scores.get(method);
			this.report.append("| ")
				.append(names.get(method))
				.append(" | ")
				.append((stats != null) ? stats.format(0) : "n/a")
				.append(" |\n");
		}
		this.report.append('\n');
	}

	private void startup() {
		progress("Startup cost (fresh JVMs)");
		Map<StartupCost.Variant, List<StartupCost.Probe>> probes = StartupCost.measure(this.plan.startupRounds());
		this.report.append("| Start of a minimal non-web application (fresh JVM) | Context start (ms) | JVM start to "
				+ "ready (ms) | Beans | Classes loaded | Heap after GC (MB) |\n|---|--:|--:|--:|--:|--:|\n");
		Map<StartupCost.Variant, double[]> medians = new LinkedHashMap<>();
		for (StartupCost.Variant variant : StartupCost.Variant.values()) {
			List<StartupCost.Probe> runs = probes.get(variant);
			Stats context = stats(runs, StartupCost.Probe::contextMillis);
			Stats ready = stats(runs, StartupCost.Probe::readyMillis);
			Stats beans = stats(runs, StartupCost.Probe::beans);
			Stats classes = stats(runs, StartupCost.Probe::classes);
			Stats heap = stats(runs, (probe) -> probe.heapKb() / 1024.0);
			medians.put(variant,
					new double[] { context.median(), ready.median(), beans.median(), classes.median(), heap.median() });
			this.report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", variant.description,
					context.format(0), ready.format(0), beans.format(0), classes.format(0), heap.format(1)));
		}
		double[] configured = medians.get(StartupCost.Variant.CONFIGURED);
		for (StartupCost.Variant baseline : List.of(StartupCost.Variant.WITHOUT_STARTER,
				StartupCost.Variant.OWN_WEB_CLIENT)) {
			double[] without = medians.get(baseline);
			this.report.append(String.format(Locale.ROOT,
					"| Added by the configured starter to an application %s (difference of medians) | %+.0f | %+.0f "
							+ "| %+.0f | %+.0f | %+.1f |%n",
					(baseline == StartupCost.Variant.WITHOUT_STARTER) ? "without it" : "that builds its own WebClient",
					configured[0] - without[0], configured[1] - without[1], configured[2] - without[2],
					configured[3] - without[3], configured[4] - without[4]));
		}
		this.report.append(String.format(Locale.ROOT,
				"%nStartup: %d rounds, each starting the variants in turn in fresh JVMs (-Xmx512m, G1). "
						+ "\"Without the starter\" removes the starter's jars from the class path and keeps the rest "
						+ "(Boot's WebClient support and Spring Security's OAuth2 client). Boot's WebClient.Builder "
						+ "is a prototype: an application pays for WebClient, Reactor Netty and the codecs at start "
						+ "only when it builds a WebClient, as the starter does for its two clients.%n%n",
				this.plan.startupRounds()));
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

	private void row(String measure, Map<String, List<Double>> rows, String key, int decimals, String target,
			Function<Stats, Boolean> met) {
		this.report.append("| ").append(measure);
		Stats starter = null;
		for (String name : List.of(Contender.FIXED_HEADER, Contender.SPRING_SECURITY, Contender.STARTER)) {
			List<Double> values = rows.getOrDefault(key + "." + name, List.of());
			Stats stats = Stats.of(values);
			this.report.append(" | ").append(values.isEmpty() ? "–" : stats.format(decimals));
			if (Contender.STARTER.equals(name)) {
				starter = stats;
			}
		}
		this.report.append(" | ").append((target != null) ? target : "").append(" | ");
		if (met != null && starter != null && !Double.isNaN(starter.median())) {
			this.report.append(met.apply(starter) ? "yes" : "**no**");
		}
		this.report.append(" |\n");
	}

	private static void add(Map<String, List<Double>> rows, String key, String name, double value) {
		rows.computeIfAbsent(key + "." + name, (k) -> new ArrayList<>()).add(value);
	}

	private Contender fresh(String name, Duration lifetime) {
		return Contender.SPRING_SECURITY.equals(name) ? springSecurity(lifetime) : starter();
	}

	private Contender springSecurity(Duration lifetime) {
		return Contender.springSecurity(this.host, this.server.baseUrl(), this.server.tokenUri(),
				Duration.ofMillis((long) (lifetime.toMillis() * REFRESH_AHEAD)));
	}

	private Contender starter() {
		Contender contender = Contender.starter(this.server.baseUrl());
		this.contexts.add(contender.context());
		return contender;
	}

	private void sleepUntilExpired(Duration lifetime) {
		long lastIssued = Collections.max(this.server.issuedAt());
		long wait = lastIssued + lifetime.toNanos() + Duration.ofMillis(100).toNanos() - System.nanoTime();
		if (wait > 0) {
			Load.sleep(Duration.ofNanos(wait));
		}
	}

	private static long[][] windows(List<Long> issuedAt, Duration lifetime) {
		long before = (long) (lifetime.toNanos() * (1 - WINDOW_BEFORE));
		long after = (long) (lifetime.toNanos() * (1 + WINDOW_AFTER));
		return issuedAt.stream().map((issued) -> new long[] { issued + before, issued + after }).toArray(long[][]::new);
	}

	private static <T> List<T> rotate(List<T> items, int distance) {
		List<T> rotated = new ArrayList<>(items);
		Collections.rotate(rotated, -distance);
		return rotated;
	}

	private static <T> Stats stats(List<T> values, ToDoubleFunction<T> value) {
		return Stats.of(values.stream().map((item) -> value.applyAsDouble(item)).toList());
	}

	/** Least-squares slope of the samples, per sample. */
	private static double slope(List<Double> samples) {
		int n = samples.size();
		double meanX = (n - 1) / 2.0;
		double meanY = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double covariance = 0;
		double variance = 0;
		for (int i = 0; i < n; i++) {
			covariance += (i - meanX) * (samples.get(i) - meanY);
			variance += (i - meanX) * (i - meanX);
		}
		return (variance > 0) ? covariance / variance : 0;
	}

	private static long usedHeapAfterGc() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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

	private static void progress(String message) {
		System.out.println("[benchmarks] " + message);
	}

	private void close() {
		Collections.reverse(this.contexts);
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	/**
	 * How long and how often each measurement runs.
	 */
	record Plan(String name, Duration jitWarmup, int rounds, Duration warmup, Duration measure, int tokenRounds,
			int latencyRounds, int expiries, Duration soakSample, int soakSamples, int startupRounds, int jmhWarmups,
			int jmhIterations) {

		static final Plan FULL = new Plan("full", Duration.ofSeconds(3), 50, Duration.ofMillis(100),
				Duration.ofMillis(500), 3, 3, 3, Duration.ofSeconds(10), 5, 5, 5, 5);

		static final Plan QUICK = new Plan("quick", Duration.ofSeconds(1), 6, Duration.ofMillis(100),
				Duration.ofMillis(500), 1, 1, 1, Duration.ofSeconds(2), 2, 1, 1, 2);

	}

}
