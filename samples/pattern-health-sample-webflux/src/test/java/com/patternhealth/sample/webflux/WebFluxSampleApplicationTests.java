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

package com.patternhealth.sample.webflux;

import java.time.Duration;

import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the WebFlux sample through its {@code main} method, as a user does: without
 * {@code patternhealth.base-url} it calls the embedded stand-in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS)
class WebFluxSampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PatternHealthStandIn embeddedStandIn;

	@Autowired
	private ApplicationContext context;

	@Test
	void keepsTheApplicationOnReactorNettyAndRunsThePatternHealthClientOnIt() {
		assertThat(ReflectionTestUtils.getField(this.context.getBean(WebClient.Builder.class), "connector"))
			.isInstanceOf(ReactorClientHttpConnector.class);
		assertThat(ReflectionTestUtils
			.getField(this.context.getBean("patternHealthWebClient", WebClient.class).mutate(), "connector"))
			.isInstanceOf(ReactorClientHttpConnector.class);
	}

	@Test
	void summarizesTheExampleGroupFromTheEmbeddedStandInWithOneToken() {
		WebTestClient.bindToServer()
			.responseTimeout(Duration.ofSeconds(30))
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/groups/{group}/summary", PatternHealthStandIn.EXAMPLE_GROUP_ID)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{
					  "groupId": "3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10",
					  "members": ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra"],
					  "tasksByStatus": {"COMPLETE": 3, "INCOMPLETE": 2, "SCHEDULED": 2}
					}""",
					JsonCompareMode.STRICT);
		assertThat(this.embeddedStandIn.tokenRequestCount()).isEqualTo(1);
		assertThat(this.embeddedStandIn.apiRequestCount()).isEqualTo(2);
	}

}
