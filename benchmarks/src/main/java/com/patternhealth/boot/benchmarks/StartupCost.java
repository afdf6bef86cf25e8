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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the starter adds to the start of an application: {@link StartupProbe} is started
 * in fresh JVMs, in turns: without the starter on the class path (with and without a
 * {@code WebClient} of the application's own), with it but without
 * {@code patternhealth.*} properties, and with it configured.
 *
 * @author Pattern Health Spring Boot authors
 */
final class StartupCost {

	private static final Pattern PROBE_LINE = Pattern.compile(
			"startup contextMillis=([0-9.]+) readyMillis=(\\d+) beans=(\\d+) classes=(\\d+) heapKb=(\\d+) starterActive=(\\w+)");

	private StartupCost() {
	}

	static Map<Variant, List<Probe>> measure(int rounds) {
		Map<Variant, List<Probe>> probes = new EnumMap<>(Variant.class);
		for (int round = 0; round < rounds; round++) {
			for (Variant variant : Variant.values()) {
				Probe probe = run(variant);
				if (probe.starterActive() != variant.configured) {
					throw new IllegalStateException("The starter was " + (probe.starterActive() ? "" : "not ")
							+ "active when started " + variant.description);
				}
				probes.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(probe);
			}
		}
		return probes;
	}

	private static Probe run(Variant variant) {
		// Applications without Actuator, which the benchmarks bring for another measure
		String withStarter = ForkedJvm.classPath((entry) -> !ForkedJvm.isActuator(entry));
		String classPath = variant.starter ? withStarter
				: ForkedJvm.classPath((entry) -> !ForkedJvm.isActuator(entry) && !isStarter(entry));
		if (classPath.equals(withStarter) && !variant.starter) {
			throw new IllegalStateException("The starter is not on the class path " + classPath);
		}
		List<String> arguments = new ArrayList<>();
		if (variant.configured) {
			arguments.add(StartupProbe.CONFIGURED);
		}
		if (variant.buildsWebClient) {
			arguments.add(StartupProbe.BUILD_WEB_CLIENT);
		}
		String output = String.join("\n", ForkedJvm.run(classPath, ForkedJvm.HEAP, StartupProbe.class, arguments, 1));
		Matcher matcher = PROBE_LINE.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("No measurement in the output of " + variant.description + ":\n" + output);
		}
		return new Probe(Double.parseDouble(matcher.group(1)), Long.parseLong(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
				Long.parseLong(matcher.group(5)), Boolean.parseBoolean(matcher.group(6)));
	}

	private static boolean isStarter(String entry) {
		return entry.contains("pattern-health-spring-boot-autoconfigure")
				|| entry.contains("pattern-health-spring-boot-starter");
	}

	/**
	 * How the application is started.
	 */
	enum Variant {

		WITHOUT_STARTER("without the starter", false, false, false),

		OWN_WEB_CLIENT("without the starter, building one WebClient of its own", false, false, true),

		UNCONFIGURED("with the starter, no patternhealth.* property", true, false, false),

		CONFIGURED("with the starter, configured", true, true, false);

		final String description;

		final boolean starter;

		final boolean configured;

		final boolean buildsWebClient;

		Variant(String description, boolean starter, boolean configured, boolean buildsWebClient) {
			this.description = description;
			this.starter = starter;
			this.configured = configured;
			this.buildsWebClient = buildsWebClient;
		}

	}

	/**
	 * What one start cost.
	 *
	 * @param contextMillis time spent in {@code SpringApplication.run}
	 * @param readyMillis time from the start of the JVM to a ready context
	 * @param beans bean definitions in the context
	 * @param classes classes loaded by the JVM
	 * @param heapKb heap in use after a full collection, in KB
	 * @param starterActive whether the context has a {@code patternHealthWebClient}
	 */
	record Probe(double contextMillis, long readyMillis, int beans, int classes, long heapKb, boolean starterActive) {
	}

}
