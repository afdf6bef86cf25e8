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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoopbackPatternHealthServer}.
 *
 * @author Pattern Health Spring Boot authors
 */
class LoopbackPatternHealthServerTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final LoopbackPatternHealthServer server = new LoopbackPatternHealthServer(this.now::get);

	private final WebClient webClient = WebClient.create(this.server.baseUrl());

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void issuesTokensWhoseLifetimeIsInMilliseconds() {
		this.server.reset(Duration.ofSeconds(5), Duration.ZERO);
		ResponseEntity<String> answer = requestToken(LoopbackPatternHealthServer.CLIENT_SECRET);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody())
			.isEqualTo("{\"access_token\":\"token-1\",\"expires_in\":5000,\"token_type\":\"bearer\"}");
		assertThat(this.server.tokenRequests()).isOne();
		assertThat(this.server.issuedAt()).containsExactly(1_000_000_000L);
	}

	@Test
	void answersTokenRequestsAfterTheDelay() {
		this.server.reset(Duration.ofSeconds(5), Duration.ofMillis(200));
		long start = System.nanoTime();
		assertThat(requestToken(LoopbackPatternHealthServer.CLIENT_SECRET).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(this.server.tokenRequests()).isOne();
	}

	@Test
	void rejectsWrongCredentials() {
		ResponseEntity<String> answer = requestToken("wrong");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(answer.getBody()).isEqualTo("{\"error\":\"invalid_client\"}");
		assertThat(this.server.issuedAt()).isEmpty();
	}

	@Test
	void answersTheApiWhileTheTokenIsValidAndRejectsItOnceExpired() {
		this.server.reset(Duration.ofSeconds(5), Duration.ZERO);
		String token = this.server.issueToken();
		assertThat(callApi("Bearer " + token)).isEqualTo(HttpStatus.OK);
		this.now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
		assertThat(callApi("Bearer " + token)).isEqualTo(HttpStatus.OK);
		this.now.addAndGet(2);
		assertThat(callApi("Bearer " + token)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(callApi("Bearer unknown")).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.server.apiCalls()).isEqualTo(4);
		assertThat(this.server.rejectedCalls()).isEqualTo(2);
	}

	@Test
	void forgetsCountsAndTokensOnReset() {
		String token = this.server.issueToken();
		callApi("Bearer " + token);
		this.server.reset(Duration.ofHours(1), Duration.ZERO);
		assertThat(this.server.apiCalls()).isZero();
		assertThat(this.server.issuedAt()).isEmpty();
		assertThat(callApi("Bearer " + token)).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<String> requestToken(String secret) {
		return this.webClient.post()
			.uri(LoopbackPatternHealthServer.TOKEN_PATH)
			.headers((headers) -> headers.setBasicAuth(LoopbackPatternHealthServer.CLIENT_ID, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchangeToMono((response) -> response.toEntity(String.class))
			.block();
	}

	private HttpStatus callApi(String authorization) {
		return this.webClient.get()
			.uri(LoopbackPatternHealthServer.API_PATH)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.exchangeToMono((response) -> response.toBodilessEntity())
			.map((entity) -> HttpStatus.valueOf(entity.getStatusCode().value()))
			.block();
	}

}
