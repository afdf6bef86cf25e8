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

package com.patternhealth.boot.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stand-in's rate limit as the starter's {@code WebClient} meets it: it sends a
 * rate-limited {@code GET} again and hands the {@code 429} to the caller once the
 * attempts run out.
 */
@SpringBootTest(
		properties = { "patternhealth.api.retry.initial-backoff=10ms", "patternhealth.api.retry.max-backoff=20ms" })
@AutoConfigurePatternHealthStandIn(clientId = "rate-limit-tests")
class PatternHealthStandInRateLimitTests {

	private static final String MEMBERS = "/api/v1/groups/g1/members";

	@Autowired
	private PatternHealthStandIn standIn;

	@Autowired
	private WebClient patternHealthWebClient;

	@BeforeEach
	void seed() {
		this.standIn.setMembers("g1", List.of(Map.of("id", "m1")));
	}

	@Test
	void sendsARateLimitedGetAgain() {
		this.standIn.rateLimitNextApiRequests(2, Duration.ZERO);
		assertThat(members()).contains("\"totalCount\":1");
		assertThat(this.standIn.apiRequestCount()).isEqualTo(3);
	}

	@Test
	void handsThe429ToTheCallerWhenTheAttemptsRunOut() {
		this.standIn.rateLimitNextApiRequests(3, null);
		assertThatExceptionOfType(WebClientResponseException.TooManyRequests.class).isThrownBy(this::members);
		assertThat(this.standIn.apiRequestCount()).isEqualTo(3);
	}

	private String members() {
		return this.patternHealthWebClient.get()
			.uri(MEMBERS)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
