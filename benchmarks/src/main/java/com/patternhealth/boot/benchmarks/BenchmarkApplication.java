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

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
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
	 * on the JDK's {@code HttpClient}.
	 */
	static ConfigurableApplicationContext start(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(JDK_HTTP_CLIENT);
		all.putAll(properties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties(all)
			.run();
		describeHttpClients(context);
		return context;
	}

	/**
	 * Say, once, which HTTP client library the application's {@code WebClient} and
	 * {@code RestClient} run on: Boot picks it from the class path, and the starter's
	 * clients run on the same.
	 */
	private static void describeHttpClients(ConfigurableApplicationContext context) {
		String description = "WebClient on " + field(context.getBean(WebClient.Builder.class), "connector")
				+ ", RestClient on "
				+ field(context.getBean(RestClient.Builder.class).build().mutate(), "requestFactory");
		if (described.add(description)) {
			System.out.println("[benchmarks] " + description);
		}
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
