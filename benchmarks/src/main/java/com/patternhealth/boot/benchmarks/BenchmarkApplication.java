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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The smallest non-web Spring Boot application: auto-configuration and nothing else. With
 * the {@code patternhealth.*} properties it carries the starter's beans; without them it
 * is the same application as if the starter were absent.
 *
 * @author Pattern Health Spring Boot authors
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchmarkApplication {

	private static final Set<String> described = ConcurrentHashMap.newKeySet();

	/**
	 * Every {@code RestClient} measured runs on the JDK's {@code HttpClient}. With
	 * Reactor Netty on the class path, as the benchmarks have it, Boot's
	 * {@code RestClient.Builder} would pick Reactor Netty's request factory, whose
	 * requests can stall when many with bodies run at once
	 * (spring-projects/spring-framework#34707).
	 */
	static final Map<String, Object> JDK_HTTP_CLIENT = Map.of("spring.http.clients.imperative.factory", "jdk");

	/**
	 * Start the application in process with the given properties, its {@code RestClient}s
	 * on the JDK's {@code HttpClient}, without Actuator.
	 */
	static ConfigurableApplicationContext start(Map<String, Object> properties) {
		return start(properties, false);
	}

	/**
	 * Start the application in process with the given properties, its {@code RestClient}s
	 * on the JDK's {@code HttpClient} unless the properties say otherwise, and the given
	 * configurations beside it.
	 * @param properties the application's properties
	 * @param actuator whether the application has Actuator, whose observations time every
	 * client's calls; without it, Actuator's auto-configurations are left out, as if its
	 * jars were absent
	 * @param configurations further configurations of the application
	 */
	static ConfigurableApplicationContext start(Map<String, Object> properties, boolean actuator,
			Class<?>... configurations) {
		Map<String, Object> all = new HashMap<>(JDK_HTTP_CLIENT);
		if (!actuator) {
			all.put("spring.autoconfigure.exclude", String.join(",", actuatorAutoConfigurations()));
		}
		all.putAll(properties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.sources(configurations)
			.web(WebApplicationType.NONE)
			.properties(all)
			.run();
		describeHttpClients(context);
		return context;
	}

	/**
	 * The auto-configurations that Actuator brings or that only work with it: its
	 * endpoints, health, Micrometer's metrics and observations, and the observations of
	 * Spring Boot's clients, which need the observation registry that Actuator gives.
	 */
	static List<String> actuatorAutoConfigurations() {
		try {
			List<String> names = new ArrayList<>();
			Enumeration<URL> imports = BenchmarkApplication.class.getClassLoader()
				.getResources("META-INF/spring/" + AutoConfiguration.class.getName() + ".imports");
			while (imports.hasMoreElements()) {
				try (InputStream in = imports.nextElement().openStream()) {
					new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
						.map(String::strip)
						.filter(BenchmarkApplication::comesWithActuator)
						.forEach(names::add);
				}
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean comesWithActuator(String autoConfiguration) {
		String simpleName = autoConfiguration.substring(autoConfiguration.lastIndexOf('.') + 1);
		return autoConfiguration.startsWith("org.springframework.boot.actuate.")
				|| autoConfiguration.startsWith("org.springframework.boot.micrometer.")
				|| autoConfiguration.startsWith("org.springframework.boot.health.")
				|| (autoConfiguration.startsWith("org.springframework.boot.")
						&& (simpleName.contains("Observation") || simpleName.contains("Metrics")));
	}

	/**
	 * Say, once, which HTTP client library the application's {@code WebClient} and
	 * {@code RestClient} run on: Boot picks it from the class path, and the starter's
	 * clients run on the same.
	 */
	private static void describeHttpClients(ConfigurableApplicationContext context) {
		String description = "WebClient on " + field(context.getBean(WebClient.Builder.class), "connector")
				+ ", RestClient on "
				+ field(context.getBean(RestClient.Builder.class).build().mutate(), "requestFactory")
				+ (hasObservations(context) ? ", observed by Actuator" : "");
		if (described.add(description)) {
			System.out.println("[benchmarks] " + description);
		}
	}

	/**
	 * Whether the application observes its clients' calls, as Actuator makes it do.
	 */
	static boolean hasObservations(ConfigurableApplicationContext context) {
		return context.getBeanProvider(ObservationRegistry.class).getIfAvailable() != null;
	}

	private static String field(Object target, String name) {
		Field field = ReflectionUtils.findField(target.getClass(), name);
		if (field == null) {
			return "?";
		}
		ReflectionUtils.makeAccessible(field);
		Object value = ReflectionUtils.getField(field, target);
		return (value != null) ? value.getClass().getSimpleName() : "the default";
	}

	static Map<String, Object> patternHealthProperties(String baseUrl) {
		return Map.of("patternhealth.base-url", baseUrl, "patternhealth.client-id",
				LoopbackPatternHealthServer.CLIENT_ID, "patternhealth.client-secret",
				LoopbackPatternHealthServer.CLIENT_SECRET);
	}

}
