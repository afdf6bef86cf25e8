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
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What one call costs through each whole client as an application gets it, the token
 * cached, over HTTP client libraries that answer at once ({@link StubHttpClients}): the
 * floor (a bare client from Spring Boot's builder with a fixed header), the starter's
 * {@code patternHealthWebClient} and {@code patternHealthRestClient} as auto-configured,
 * and Spring Security's client_credentials support on Boot's builder. Each call builds
 * the request, runs every filter or interceptor, writes it, and reads the answer's body
 * as a string, as {@link Load#call} and {@link BlockingLoad#call} do over the network.
 *
 * @author Pattern Health Spring Boot authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WholeClientBenchmark {

	private static final String TOKEN_URI = StubHttpClients.BASE_URL + LoopbackPatternHealthServer.TOKEN_PATH;

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private ConfigurableApplicationContext application;

	private WebClient webClientFloor;

	private WebClient webClientStarter;

	private WebClient webClientSpringSecurity;

	private RestClient restClientFloor;

	private RestClient restClientStarter;

	private RestClient restClientSpringSecurity;

	@Setup
	public void start() {
		this.application = BenchmarkApplication.start(
				BenchmarkApplication.patternHealthProperties(StubHttpClients.BASE_URL), false, StubHttpClients.class);
		this.webClientFloor = Contender.fixedHeader(this.application, StubHttpClients.BASE_URL, "stub-token")
			.webClient();
		this.webClientStarter = Contender.starter(this.application).webClient();
		WebClient.Builder webClients = this.application.getBean(WebClient.Builder.class);
		this.webClientSpringSecurity = webClients.baseUrl(StubHttpClients.BASE_URL)
			.filter(SpringSecurityWiring.reactiveFilter(TOKEN_URI,
					this.application.getBean(WebClient.Builder.class).build(), CLOCK_SKEW))
			.build();
		this.restClientFloor = BlockingContender.fixedHeader(this.application, StubHttpClients.BASE_URL, "stub-token")
			.restClient();
		this.restClientStarter = BlockingContender.starter(this.application).restClient();
		this.restClientSpringSecurity = BlockingContender
			.springSecurity(this.application, StubHttpClients.BASE_URL, TOKEN_URI, CLOCK_SKEW)
			.restClient();
		// Cache the tokens
		webClientStarter();
		webClientSpringSecurity();
		restClientStarter();
		restClientSpringSecurity();
	}

	@TearDown
	public void stop() {
		this.application.close();
	}

	@Benchmark
	public String webClientFloor() {
		return Load.call(this.webClientFloor).block();
	}

	@Benchmark
	public String webClientStarter() {
		return Load.call(this.webClientStarter).block();
	}

	@Benchmark
	public String webClientSpringSecurity() {
		return Load.call(this.webClientSpringSecurity).block();
	}

	@Benchmark
	public String restClientFloor() {
		return BlockingLoad.call(this.restClientFloor);
	}

	@Benchmark
	public String restClientStarter() {
		return BlockingLoad.call(this.restClientStarter);
	}

	@Benchmark
	public String restClientSpringSecurity() {
		return BlockingLoad.call(this.restClientSpringSecurity);
	}

}
