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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link BearerFilterBenchmark} and {@link WholeClientBenchmark} under JMH, each
 * benchmark in a forked JVM with JMH's allocation profiler, and reports the time and the
 * bytes allocated per request: of each filter alone, and of each whole client over an
 * HTTP client library that answers at once; the token cached, no network.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PerCallCostBenchmark {

	/** JMH's allocation profiler's bytes allocated per operation. */
	static final String ALLOCATION = "gc.alloc.rate.norm";

	private static final Map<String, String> FILTERS = names("noFilter", "No filter (harness cost)",
			"plainHeaderFilter", "Plain filter setting a fixed header", "starterBearerFilter",
			"Starter's PatternHealthBearerExchangeFilterFunction", "springSecurityFilter",
			"Spring Security's ServerOAuth2AuthorizedClientExchangeFilterFunction");

	private static final Map<String, String> WHOLE_CLIENTS = names("webClientFloor",
			"WebClient: bare, from Boot's builder, fixed header (floor)", "webClientStarter",
			"WebClient: starter's patternHealthWebClient", "webClientSpringSecurity",
			"WebClient: Spring Security's filter on Boot's builder", "restClientFloor",
			"RestClient: bare, from Boot's builder, fixed header (floor)", "restClientStarter",
			"RestClient: starter's patternHealthRestClient", "restClientSpringSecurity",
			"RestClient: Spring Security's interceptor on Boot's builder");

	private final BenchmarkPlan plan;

	PerCallCostBenchmark(BenchmarkPlan plan) {
		this.plan = plan;
	}

	void appendTo(StringBuilder report) throws RunnerException {
		BenchmarkRunner.progress("Cost per request of the filters and the whole clients (JMH)");
		Map<String, BenchmarkResult> results = run(BearerFilterBenchmark.class, WholeClientBenchmark.class);
		table(report, "Filter alone, token cached, no network (JMH)", FILTERS, results, null);
		table(report, "Whole client as the application gets it, token cached, stub HTTP client library answering at "
				+ "once (JMH)", WHOLE_CLIENTS, results, WHOLE_CLIENTS.keySet().iterator().next());
		report.append(String.format("Median (first to third quartile) of %d iterations of 1 s after %d of warm-up, "
				+ "one forked JVM per benchmark (%s), with JMH's allocation profiler (%s). The stub library of the "
				+ "whole clients is the same for all of them, so that the differences are the clients' own.%n%n",
				this.plan.jmhIterations(), this.plan.jmhWarmups(), String.join(" ", ForkedJvm.HEAP), ALLOCATION));
	}

	private Map<String, BenchmarkResult> run(Class<?>... benchmarks) throws RunnerException {
		OptionsBuilder options = new OptionsBuilder();
		for (Class<?> benchmark : benchmarks) {
			options.include(benchmark.getName() + ".");
		}
		Collection<RunResult> runs = new Runner(options.forks(1)
			.warmupIterations(this.plan.jmhWarmups())
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(this.plan.jmhIterations())
			.measurementTime(TimeValue.seconds(1))
			.jvmArgs(ForkedJvm.HEAP.toArray(String[]::new))
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT)
			.build()).run();
		Map<String, BenchmarkResult> results = new LinkedHashMap<>();
		for (RunResult run : runs) {
			String method = run.getParams().getBenchmark();
			for (BenchmarkResult result : run.getBenchmarkResults()) {
				results.put(method.substring(method.lastIndexOf('.') + 1), result);
			}
		}
		return results;
	}

	private void table(StringBuilder report, String title, Map<String, String> names,
			Map<String, BenchmarkResult> results, @Nullable String floor) {
		report.append("| ")
			.append(title)
			.append(" | ns per request | Bytes allocated per request |")
			.append((floor != null) ? " Added to the floor of its stack (ns; bytes) |\n|---|--:|--:|--:|\n"
					: "\n|---|--:|--:|\n");
		Map<String, Stats @Nullable []> stats = new LinkedHashMap<>();
		names.keySet().forEach((method) -> stats.put(method, stats(results.get(method))));
		@Nullable String stackFloor = null;
		for (Map.Entry<String, String> name : names.entrySet()) {
			String method = name.getKey();
			Stats[] cost = stats.get(method);
			if (method.endsWith("Floor")) {
				stackFloor = method;
			}
			report.append("| ").append(name.getValue()).append(" | ");
			report.append((cost != null) ? cost[0].format(0) + " | " + cost[1].format(0) : "n/a | n/a");
			if (floor != null) {
				Stats[] base = (stackFloor != null) ? stats.get(stackFloor) : null;
				report.append(" | ");
				if (cost != null && base != null && !method.equals(stackFloor)) {
					report.append(String.format("%+,.0f; %+,.0f", cost[0].median() - base[0].median(),
							cost[1].median() - base[1].median()));
				}
			}
			report.append(" |\n");
		}
		report.append('\n');
	}

	/**
	 * The time and the bytes allocated per request of every iteration of a benchmark.
	 */
	private static Stats @Nullable [] stats(@Nullable BenchmarkResult result) {
		if (result == null) {
			return null;
		}
		List<Double> time = new ArrayList<>();
		List<Double> bytes = new ArrayList<>();
		for (IterationResult iteration : result.getIterationResults()) {
			time.add(iteration.getPrimaryResult().getScore());
			Result<?> allocation = iteration.getSecondaryResults().get(ALLOCATION);
			if (allocation != null) {
				bytes.add(allocation.getScore());
			}
		}
		return new Stats[] { Stats.of(time), Stats.of(bytes) };
	}

	private static Map<String, String> names(String... methodsAndNames) {
		Map<String, String> names = new LinkedHashMap<>();
		for (int i = 0; i < methodsAndNames.length; i += 2) {
			names.put(methodsAndNames[i], methodsAndNames[i + 1]);
		}
		return names;
	}

}
