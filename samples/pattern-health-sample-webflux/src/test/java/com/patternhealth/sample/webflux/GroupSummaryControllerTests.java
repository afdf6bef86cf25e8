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

import com.patternhealth.boot.test.AutoConfigurePatternHealthStandIn;
import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link GroupSummaryController} over HTTP, against the stand-in that
 * {@link AutoConfigurePatternHealthStandIn @AutoConfigurePatternHealthStandIn} starts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.page-size=2")
@AutoConfigurePatternHealthStandIn
class GroupSummaryControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PatternHealthStandIn patternHealth;

	private WebTestClient client;

	private String group;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToServer()
			.responseTimeout(Duration.ofSeconds(30))
			.baseUrl("http://localhost:" + this.port)
			.build();
		this.group = this.patternHealth.seedExampleGroup();
	}

	@Test
	void summarizesTheGroupFromEveryPage() {
		this.client.get()
			.uri("/groups/{group}/summary", this.group)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.members.length()")
			.isEqualTo(5)
			.jsonPath("$.members[4]")
			.isEqualTo("Edsger Dijkstra")
			.jsonPath("$.tasksByStatus.SCHEDULED")
			.isEqualTo(2);
		assertThat(this.patternHealth.apiRequestCount()).as("3 pages of members and 4 of tasks").isEqualTo(7);
		assertThat(this.patternHealth.lastAuthorizationHeader()).startsWith("Bearer stand-in-");
	}

	@Test
	void obtainsOneNewTokenWhenTheCurrentOneExpired() {
		this.patternHealth.expireAllTokens();
		this.client.get().uri("/groups/{group}/summary", this.group).exchange().expectStatus().isOk();
		assertThat(this.patternHealth.tokenRequestCount()).isEqualTo(1);
	}

	@Test
	void answers404WhenPatternHealthHasNoSuchGroup() {
		this.client.get()
			.uri("/groups/no-such-group/summary")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Pattern Health has no such group");
	}

}
