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

package com.patternhealth.boot.token;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the token cache when the HTTP client's own read timeout, which is no longer
 * than the cache's time limit, ends a token request before that limit does: the user is
 * told that the endpoint did not answer in time, as when the cache's own limit runs out.
 */
class TokenRequestTimeoutTests {

	private static final URI TOKEN_URI = URI.create("https://api.example.com/api/auth/token");

	private static final String NOT_ANSWERED = "Pattern Health's token endpoint at " + TOKEN_URI
			+ " did not answer within 300 ms (1 attempt, client 'client-7'). Check patternhealth.base-url,"
			+ " or raise patternhealth.token.timeout.";

	@Test
	void aRestClientsReadTimeoutIsReportedAsNoAnswerInTime() {
		RestClient restClient = RestClient.builder()
			.requestFactory((uri, method) -> new MockClientHttpRequest(method, uri) {

				@Override
				protected ClientHttpResponse executeInternal() throws IOException {
					throw new SocketTimeoutException("Read timed out");
				}

			})
			.build();
		assertNotAnswered(builder().restClient(restClient).build());
	}

	@Test
	void aWebClientsTimeoutIsReportedAsNoAnswerInTime() {
		WebClient webClient = WebClient.builder()
			.exchangeFunction(
					(request) -> Mono.error(new WebClientRequestException(new HttpTimeoutException("request timed out"),
							HttpMethod.POST, TOKEN_URI, new HttpHeaders())))
			.build();
		assertNotAnswered(builder().webClient(webClient).build());
	}

	@Test
	void reactorNettysReadTimeoutIsReportedAsNoAnswerInTime() {
		WebClient webClient = WebClient.builder()
			.exchangeFunction((request) -> Mono.error(new WebClientRequestException(ReadTimeoutException.INSTANCE,
					HttpMethod.POST, TOKEN_URI, new HttpHeaders())))
			.build();
		assertNotAnswered(builder().webClient(webClient).build());
	}

	@Test
	void reactorNettysReadTimeoutThroughARestClientIsReportedAsNoAnswerInTime() {
		RestClient restClient = RestClient.builder()
			.requestFactory((uri, method) -> new MockClientHttpRequest(method, uri) {

				@Override
				protected ClientHttpResponse executeInternal() {
					throw ReadTimeoutException.INSTANCE;
				}

			})
			.build();
		assertNotAnswered(builder().restClient(restClient).build());
	}

	private static PatternHealthTokenCacheBuilder builder() {
		return PatternHealthTokenCache.withCredentials(TOKEN_URI, "client-7", "secret-7")
			.timeout(Duration.ofMillis(300))
			.retry(1, Duration.ofMillis(100), Duration.ofMillis(100));
	}

	private static void assertNotAnswered(PatternHealthTokenCache cache) {
		try (cache) {
			assertThat(cache.authorize()).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.havingRootCause()
				.isInstanceOf(PatternHealthTokenException.class)
				.withMessage(NOT_ANSWERED);
		}
	}

}
