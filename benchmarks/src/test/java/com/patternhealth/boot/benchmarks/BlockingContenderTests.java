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

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlockingContender}: each blocking client calls the loopback server as
 * its description says, on the JDK's {@code HttpClient}.
 *
 * @author Pattern Health Spring Boot authors
 */
class BlockingContenderTests {

	private static final String JDK_HTTP_CLIENT = "Java-http-client";

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
		BlockingContender contender = BlockingContender.fixedHeader(host, server.baseUrl(), server.issueToken());
		callFiveTimes(contender);
		assertThat(server.tokenRequests()).isZero();
		assertThat(server.apiCalls()).isEqualTo(5);
		assertThat(server.rejectedCalls()).isZero();
		assertThat(server.lastUserAgent()).startsWith(JDK_HTTP_CLIENT);
	}

	@Test
	void springSecurityAsksForOneTokenAndReusesIt() {
		BlockingContender contender = BlockingContender.springSecurity(host, server.baseUrl(), server.tokenUri(),
				Duration.ofSeconds(60));
		callFiveTimes(contender);
		assertThat(server.tokenRequests()).isOne();
		assertThat(server.apiCalls()).isEqualTo(5);
		assertThat(server.rejectedCalls()).isZero();
		assertThat(server.lastUserAgent()).startsWith(JDK_HTTP_CLIENT);
	}

	@Test
	void springSecurityReadsTheLifetimeAsMilliseconds() {
		server.reset(Duration.ofSeconds(5), Duration.ZERO);
		BlockingContender contender = BlockingContender.springSecurity(host, server.baseUrl(), server.tokenUri(),
				Duration.ofSeconds(6));
		callFiveTimes(contender);
		assertThat(server.tokenRequests()).as("a 5 s token, not a 5000 s one, is stale at once with a 6 s clock skew")
			.isEqualTo(5);
	}

	@Test
	void starterAsksForOneTokenAndReusesIt() {
		BlockingContender contender = BlockingContender.starter(server.baseUrl());
		try {
			callFiveTimes(contender);
			assertThat(server.tokenRequests()).isOne();
			assertThat(server.apiCalls()).isEqualTo(5);
			assertThat(server.rejectedCalls()).isZero();
			assertThat(server.lastUserAgent()).startsWith(JDK_HTTP_CLIENT);
		}
		finally {
			contender.context().close();
		}
	}

	@Test
	void starterSendsOneTokenRequestForABurstOfCalls() {
		server.reset(Duration.ofHours(1), Duration.ofMillis(200));
		BlockingContender contender = BlockingContender.starter(server.baseUrl());
		try {
			assertThat(contender.burst(ExpiryBenchmark.BURST)).isZero();
			assertThat(server.tokenRequests()).isOne();
			assertThat(server.apiCalls()).isEqualTo(ExpiryBenchmark.BURST);
		}
		finally {
			contender.context().close();
		}
	}

	private static void callFiveTimes(BlockingContender contender) {
		for (int i = 0; i < 5; i++) {
			assertThat(BlockingLoad.call(contender.restClient())).contains("\"totalCount\":1");
		}
	}

}
