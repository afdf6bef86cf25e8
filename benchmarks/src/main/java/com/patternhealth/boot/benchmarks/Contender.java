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

import java.time.Duration;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One of the reactive clients measured side by side: a {@link WebClient} whose base URL
 * is the loopback server, and what must be closed after it.
 * <p>
 * Contexts stay open until the end of a run: closing one would dispose Reactor Netty's
 * global resources, which every contender shares.
 *
 * @param name the name shown in the report
 * @param webClient the client
 * @param context the application context that holds it
 * @author Pattern Health Spring Boot authors
 */
record Contender(String name, WebClient webClient, ConfigurableApplicationContext context) implements MeasuredClient {

	static final String FIXED_HEADER = "(a) bare WebClient, fixed header";

	static final String SPRING_SECURITY = "(b) Spring Security client_credentials";

	static final String STARTER = "(c) starter patternHealthWebClient";

	static final String SECOND_FIXED_HEADER = "(a2) second bare WebClient";

	/**
	 * (a) The floor: Boot's {@code WebClient.Builder} with a fixed {@code Authorization}
	 * header and no token handling at all.
	 */
	static Contender fixedHeader(ConfigurableApplicationContext host, String baseUrl, String token) {
		WebClient webClient = host.getBean(WebClient.Builder.class)
			.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		return new Contender(FIXED_HEADER, webClient, host);
	}

	/**
	 * (b) Spring Security's client_credentials support wired as its reference
	 * documentation shows for use outside a web request
	 * ({@link SpringSecurityWiring#reactiveFilter}), with the starter's millisecond body
	 * extractor and the given clock skew.
	 */
	static Contender springSecurity(ConfigurableApplicationContext host, String baseUrl, String tokenUri,
			Duration clockSkew) {
		WebClient webClient = host.getBean(WebClient.Builder.class)
			.baseUrl(baseUrl)
			.filter(SpringSecurityWiring.reactiveFilter(tokenUri, null, clockSkew))
			.build();
		return new Contender(SPRING_SECURITY, webClient, host);
	}

	/**
	 * (c) The starter: a fresh application context whose {@code patternHealthWebClient}
	 * is auto-configured from three properties.
	 */
	static Contender starter(String baseUrl) {
		return starter(BenchmarkApplication.start(BenchmarkApplication.patternHealthProperties(baseUrl)));
	}

	/**
	 * (c) The starter's {@code patternHealthWebClient} of the given application.
	 */
	static Contender starter(ConfigurableApplicationContext context) {
		return new Contender(STARTER, context.getBean("patternHealthWebClient", WebClient.class), context);
	}

	static ConfigurableApplicationContext host() {
		return BenchmarkApplication.start(Map.of());
	}

	@Override
	public void call() {
		Load.call(this.webClient).block(Duration.ofSeconds(10));
	}

	@Override
	public Load.Throughput throughput(int concurrency, Duration warmup, Duration measure) {
		return Load.throughput(this.webClient, concurrency, warmup, measure);
	}

	@Override
	public long burst(int calls) {
		return Load.burst(this.webClient, calls);
	}

	@Override
	public Load.Samples openLoop(int callsPerSecond, Duration duration) {
		return Load.openLoop(this.webClient, callsPerSecond, duration);
	}

}
