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

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * One of the blocking clients measured side by side: a {@link RestClient} whose base URL
 * is the loopback server, and the context that holds it. Every one is built from Spring
 * Boot's {@code RestClient.Builder} of a {@link BenchmarkApplication}, on the JDK's
 * {@code HttpClient}.
 *
 * @param name the name shown in the report
 * @param restClient the client
 * @param context the application context that holds it
 * @author Pattern Health Spring Boot authors
 */
record BlockingContender(String name, RestClient restClient,
		ConfigurableApplicationContext context) implements MeasuredClient {

	static final String FIXED_HEADER = "(a') bare RestClient, fixed header";

	static final String SPRING_SECURITY = "(b') Spring Security client_credentials, RestClient";

	static final String STARTER = "(c') starter patternHealthRestClient";

	static final String SECOND_FIXED_HEADER = "(a'2) second bare RestClient";

	/**
	 * (a') The floor: Boot's {@code RestClient.Builder} with a fixed
	 * {@code Authorization} header and no token handling at all.
	 */
	static BlockingContender fixedHeader(ConfigurableApplicationContext host, String baseUrl, String token) {
		return fixedHeader(FIXED_HEADER, host, baseUrl, token);
	}

	static BlockingContender fixedHeader(String name, ConfigurableApplicationContext host, String baseUrl,
			String token) {
		RestClient restClient = host.getBean(RestClient.Builder.class)
			.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		return new BlockingContender(name, restClient, host);
	}

	/**
	 * (b') Spring Security's blocking client_credentials support wired as its reference
	 * documentation shows for use outside a web request
	 * ({@link SpringSecurityWiring#blockingInterceptor}), its token requests sent by a
	 * {@code RestClient} from Boot's builder that reads {@code expires_in} as
	 * milliseconds, with the given clock skew.
	 */
	static BlockingContender springSecurity(ConfigurableApplicationContext host, String baseUrl, String tokenUri,
			Duration clockSkew) {
		RestClient restClient = host.getBean(RestClient.Builder.class)
			.baseUrl(baseUrl)
			.requestInterceptor(SpringSecurityWiring.blockingInterceptor(tokenUri,
					host.getBean(RestClient.Builder.class), clockSkew))
			.build();
		return new BlockingContender(SPRING_SECURITY, restClient, host);
	}

	/**
	 * (c') The starter: a fresh application context whose {@code patternHealthRestClient}
	 * is auto-configured from three properties.
	 */
	static BlockingContender starter(String baseUrl) {
		return starter(BenchmarkApplication.start(BenchmarkApplication.patternHealthProperties(baseUrl)));
	}

	/**
	 * (c') The starter's {@code patternHealthRestClient} of the given application.
	 */
	static BlockingContender starter(ConfigurableApplicationContext context) {
		return new BlockingContender(STARTER, context.getBean("patternHealthRestClient", RestClient.class), context);
	}

	@Override
	public void call() {
		BlockingLoad.call(this.restClient);
	}

	@Override
	public Load.Throughput throughput(int concurrency, Duration warmup, Duration measure) {
		return BlockingLoad.throughput(this.restClient, concurrency, warmup, measure);
	}

	@Override
	public long burst(int calls) {
		return BlockingLoad.burst(this.restClient, calls);
	}

	@Override
	public Load.Samples openLoop(int callsPerSecond, Duration duration) {
		return BlockingLoad.openLoop(this.restClient, callsPerSecond, duration);
	}

}
