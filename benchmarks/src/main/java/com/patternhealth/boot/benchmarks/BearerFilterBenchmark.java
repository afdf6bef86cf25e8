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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.web.PatternHealthBearerExchangeFilterFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The cost each filter adds to one request when the token is already cached, without any
 * network: the starter's {@link PatternHealthBearerExchangeFilterFunction} over its
 * {@link PatternHealthAuthorizedClientManager}, a plain filter that sets a fixed header,
 * and Spring Security's {@code ServerOAuth2AuthorizedClientExchangeFilterFunction}.
 *
 * @author Pattern Health Spring Boot authors
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BearerFilterBenchmark {

	private static final URI BASE_URL = URI.create("https://api.example.com");

	private static final String TOKEN_ANSWER = "{\"access_token\":\"cached-token\",\"expires_in\":3600000,\"token_type\":\"bearer\"}";

	private final ClientRequest request = ClientRequest
		.create(HttpMethod.GET, BASE_URL.resolve(LoopbackPatternHealthServer.API_PATH))
		.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
		.build();

	private final Mono<ClientResponse> response = Mono.just(ClientResponse.create(HttpStatus.OK).build());

	/** Written by the exchange so that the filtered request is not optimised away. */
	private ClientRequest sent = this.request;

	private final ExchangeFunction exchange = (request) -> {
		this.sent = request;
		return this.response;
	};

	private ExchangeFilterFunction plainHeader;

	private ExchangeFilterFunction starter;

	private ExchangeFilterFunction springSecurity;

	@Setup
	public void setUp() {
		this.plainHeader = (request,
				next) -> next.exchange(ClientRequest.from(request)
					.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer cached-token"))
					.build());
		PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(PatternHealthTokenCache
			.withCredentials(BASE_URL.resolve(LoopbackPatternHealthServer.TOKEN_PATH),
					LoopbackPatternHealthServer.CLIENT_ID, LoopbackPatternHealthServer.CLIENT_SECRET)
			.webClient(tokenEndpoint())
			.build());
		this.starter = new PatternHealthBearerExchangeFilterFunction(manager, BASE_URL);
		this.springSecurity = SpringSecurityWiring.reactiveFilter(
				BASE_URL.resolve(LoopbackPatternHealthServer.TOKEN_PATH).toString(), tokenEndpoint(),
				Duration.ofSeconds(60));
		// Cache the tokens
		this.starter.filter(this.request, this.exchange).block();
		this.springSecurity.filter(this.request, this.exchange).block();
	}

	@Benchmark
	public ClientResponse noFilter() {
		return this.exchange.exchange(this.request).block();
	}

	@Benchmark
	public ClientResponse plainHeaderFilter() {
		return this.plainHeader.filter(this.request, this.exchange).block();
	}

	@Benchmark
	public ClientResponse starterBearerFilter() {
		return this.starter.filter(this.request, this.exchange).block();
	}

	@Benchmark
	public ClientResponse springSecurityFilter() {
		return this.springSecurity.filter(this.request, this.exchange).block();
	}

	/**
	 * A token endpoint answered in memory, which only the first request of each filter
	 * reaches.
	 */
	private static WebClient tokenEndpoint() {
		return WebClient.builder()
			.exchangeFunction((request) -> Mono.just(ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
				.body(TOKEN_ANSWER)
				.build()))
			.build();
	}

}
