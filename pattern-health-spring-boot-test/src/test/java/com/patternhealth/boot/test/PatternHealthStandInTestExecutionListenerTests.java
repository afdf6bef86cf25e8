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

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link PatternHealthStandInTestExecutionListener}: each test method of a
 * cached context starts with a stand-in that forgot the requests of the previous one,
 * while the application keeps its token. The methods run in order on purpose.
 */
@SpringBootTest(properties = "patternhealth.client-id=overridden")
@AutoConfigurePatternHealthStandIn(clientId = "reset-tests", tokenLifetime = "90s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatternHealthStandInTestExecutionListenerTests {

	@Autowired
	private PatternHealthStandIn standIn;

	@Autowired
	private WebClient patternHealthWebClient;

	@Test
	@Order(1)
	void firstMethodObtainsAToken() {
		this.standIn.setMembers("g1", List.of());
		assertThat(call()).isEqualTo("{\"totalCount\":0,\"limit\":200,\"offset\":0,\"results\":[]}");
		assertThat(this.standIn.clientId()).isEqualTo("reset-tests");
		assertThat(this.standIn.tokenLifetime()).hasSeconds(90);
		assertThat(this.standIn.tokenRequestCount()).isEqualTo(1);
		this.standIn.failNextApiRequests(503, 1);
	}

	@Test
	@Order(2)
	void nextMethodStartsWithNoRequestsAndTheCachedToken() {
		assertThat(this.standIn.tokenRequestCount()).isZero();
		assertThat(this.standIn.apiRequestCount()).isZero();
		assertThat(this.standIn.lastAuthorizationHeader()).isNull();
		assertThat(call()).startsWith("{\"totalCount\":0");
		assertThat(this.standIn.tokenRequestCount()).isZero();
		assertThat(this.standIn.apiRequestCount()).isEqualTo(1);
	}

	private String call() {
		return this.patternHealthWebClient.get()
			.uri("/api/v1/groups/g1/members")
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
