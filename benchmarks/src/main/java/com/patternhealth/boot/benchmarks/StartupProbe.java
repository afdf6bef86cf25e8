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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Starts {@link BenchmarkApplication} once in a fresh JVM, prints one line with what the
 * start cost, and exits. Run by {@link StartupCost}, with or without the starter on the
 * class path, with or without the {@code patternhealth.*} properties, and optionally
 * building a {@code WebClient} of its own as an application that calls an API does.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class StartupProbe {

	static final String CONFIGURED = "configured";

	static final String BUILD_WEB_CLIENT = "build-web-client";

	private StartupProbe() {
	}

	public static void main(String[] args) {
		List<String> options = List.of(args);
		Map<String, Object> properties = new HashMap<>();
		if (options.contains(CONFIGURED)) {
			properties.put("patternhealth.base-url", "http://127.0.0.1:9");
			properties.put("patternhealth.client-id", "startup-client");
			properties.put("patternhealth.client-secret", "startup-secret");
		}
		long start = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run();
		if (options.contains(BUILD_WEB_CLIENT)) {
			context.getBean(WebClient.Builder.class).baseUrl("http://127.0.0.1:9").build();
		}
		long contextNanos = System.nanoTime() - start;
		long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		int beans = context.getBeanDefinitionCount();
		boolean starterActive = context.containsBean("patternHealthWebClient");
		System.gc();
		System.gc();
		long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
		System.out.println(String.format(Locale.ROOT,
				"startup contextMillis=%.1f readyMillis=%d beans=%d classes=%d heapKb=%d starterActive=%s",
				contextNanos / 1e6, uptimeMillis, beans, classes, heapUsed / 1024, starterActive));
		context.close();
	}

}
