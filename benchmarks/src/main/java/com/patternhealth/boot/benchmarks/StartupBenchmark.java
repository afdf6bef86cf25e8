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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Reports what the starter adds to the start of an application, from the starts that
 * {@link StartupCost} measures in fresh JVMs: each variant's context start, time to
 * ready, beans, classes and heap, and the configured starter's differences to the
 * variants without it.
 *
 * @author Pattern Health Spring Boot authors
 */
final class StartupBenchmark {

	private final BenchmarkPlan plan;

	StartupBenchmark(BenchmarkPlan plan) {
		this.plan = plan;
	}

	void appendTo(StringBuilder report) {
		BenchmarkRunner.progress("Startup cost (fresh JVMs)");
		Map<StartupCost.Variant, List<StartupCost.Probe>> probes = StartupCost.measure(this.plan.startupRounds());
		report.append("| Start of a minimal non-web application (fresh JVM) | Context start (ms) | JVM start to "
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
			report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", variant.description,
					context.format(0), ready.format(0), beans.format(0), classes.format(0), heap.format(1)));
		}
		double[] configured = medians.get(StartupCost.Variant.CONFIGURED);
		for (StartupCost.Variant baseline : List.of(StartupCost.Variant.WITHOUT_STARTER,
				StartupCost.Variant.OWN_WEB_CLIENT)) {
			double[] without = medians.get(baseline);
			report.append(String.format(Locale.ROOT,
					"| Added by the configured starter to an application %s (difference of medians) | %+.0f | %+.0f "
							+ "| %+.0f | %+.0f | %+.1f |%n",
					(baseline == StartupCost.Variant.WITHOUT_STARTER) ? "without it" : "that builds its own WebClient",
					configured[0] - without[0], configured[1] - without[1], configured[2] - without[2],
					configured[3] - without[3], configured[4] - without[4]));
		}
		report.append(String.format(Locale.ROOT,
				"%nStartup: %d rounds, each starting the variants in turn in fresh JVMs (-Xmx512m, G1). "
						+ "\"Without the starter\" removes the starter's jars from the class path and keeps the rest "
						+ "(Boot's WebClient support and Spring Security's OAuth2 client). Boot's WebClient.Builder "
						+ "is a prototype: an application pays for WebClient, Reactor Netty and the codecs at start "
						+ "only when it builds a WebClient, as the starter does for its two clients.%n%n",
				this.plan.startupRounds()));
	}

	private static <T> Stats stats(List<T> values, ToDoubleFunction<T> value) {
		return Stats.of(values.stream().map((item) -> value.applyAsDouble(item)).toList());
	}

}
