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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Contender}: each client calls the loopback server as its description
 * says.
 *
 * @author Pattern Health Spring Boot authors
 */
class ContenderTests {

	private static LoopbackPatternHealthServer server;

	private static ConfigurableApplicationContext host;

	@BeforeAll
	static void start() {
		server = new LoopbackPatternHealthServer();
		host = Contender.host();
	}

	@AfterAll
	static void stop() {
		host.close();
		server.close();
	}

	@BeforeEach
	void reset() {
		server.reset(Duration.ofHours(1), Duration.ZERO);
	}

	@Test
	void fixedHeaderSendsTheGivenTokenWithoutAskingForOne() {
		Contender contender = Contender.fixedHeader(host, server.baseUrl(), server.issueToken());
		callFiveTimes(contender);
		assertThat(server.tokenRequests()).isZero();
		assertThat(server.apiCalls()).isEqualTo(5);
		assertThat(server.rejectedCalls()).isZero();
	}

	@Test
	void springSecurityAsksForOneTokenAndReusesIt() {
		Contender contender = Contender.springSecurity(host, server.baseUrl(), server.tokenUri(),
				Duration.ofSeconds(60));
		callFiveTimes(contender);
		assertThat(server.tokenRequests()).isOne();
		assertThat(server.apiCalls()).isEqualTo(5);
		assertThat(server.rejectedCalls()).isZero();
	}

	@Test
	void starterAsksForOneTokenAndReusesIt() {
		Contender contender = Contender.starter(server.baseUrl());
		try {
			callFiveTimes(contender);
			assertThat(server.tokenRequests()).isOne();
			assertThat(server.apiCalls()).isEqualTo(5);
			assertThat(server.rejectedCalls()).isZero();
		}
		finally {
			contender.context().close();
		}
	}

	@Test
	void hostApplicationHasNoStarterBeans() {
		assertThat(host.containsBean("patternHealthWebClient")).isFalse();
		assertThat(host.containsBean("patternHealthAuthorizedClientManager")).isFalse();
	}

	private static void callFiveTimes(Contender contender) {
		assertThat(Flux.range(0, 5).concatMap((i) -> Load.call(contender.webClient())).collectList().block())
			.hasSize(5);
	}

}
