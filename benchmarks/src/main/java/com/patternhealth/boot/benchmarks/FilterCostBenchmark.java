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

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link BearerFilterBenchmark} under JMH, in a forked JVM, and reports the cost of
 * each filter alone per request, the token cached and no network.
 *
 * @author Pattern Health Spring Boot authors
 */
final class FilterCostBenchmark {

	private static final List<String> METHODS = List.of("noFilter", "plainHeaderFilter", "starterBearerFilter",
			"springSecurityFilter");

	private static final Map<String, String> NAMES = Map.of("noFilter", "No filter (harness cost)", "plainHeaderFilter",
			"Plain filter setting a fixed header", "starterBearerFilter",
			"Starter's PatternHealthBearerExchangeFilterFunction", "springSecurityFilter",
			"Spring Security's ServerOAuth2AuthorizedClientExchangeFilterFunction");

	private final BenchmarkPlan plan;

	FilterCostBenchmark(BenchmarkPlan plan) {
		this.plan = plan;
	}

	void appendTo(StringBuilder report) throws RunnerException {
		BenchmarkRunner.progress("Bearer filter per request (JMH)");
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
		report.append("| Filter alone, token cached, no network (JMH, ns per request) | Median (quartiles) of "
				+ this.plan.jmhIterations() + " iterations |\n|---|--:|\n");
		for (String method : METHODS) {
			Stats stats = scores.get(method);
			report.append("| ")
				.append(NAMES.get(method))
				.append(" | ")
				.append((stats != null) ? stats.format(0) : "n/a")
				.append(" |\n");
		}
		report.append('\n');
	}

}
