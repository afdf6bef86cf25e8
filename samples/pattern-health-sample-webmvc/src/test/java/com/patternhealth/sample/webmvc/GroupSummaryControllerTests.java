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

package com.patternhealth.sample.webmvc;

import com.patternhealth.boot.test.AutoConfigurePatternHealthStandIn;
import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

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

	private String group;

	@BeforeEach
	void seed() {
		this.group = this.patternHealth.seedExampleGroup();
	}

	@Test
	void summarizesTheGroupFromEveryPage() {
		ResponseEntity<String> response = get("/groups/" + this.group + "/summary");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains(
				"\"members\":[\"Ada Lovelace\",\"Grace Hopper\",\"Alan Turing\",\"Katherine Johnson\",\"Edsger Dijkstra\"]",
				"\"tasksByStatus\":{\"COMPLETE\":3,\"INCOMPLETE\":2,\"SCHEDULED\":2}");
		assertThat(this.patternHealth.apiRequestCount()).as("3 pages of members and 4 of tasks").isEqualTo(7);
		assertThat(this.patternHealth.lastAuthorizationHeader()).startsWith("Bearer stand-in-");
	}

	@Test
	void obtainsOneNewTokenWhenTheCurrentOneExpired() {
		this.patternHealth.expireAllTokens();
		assertThat(get("/groups/" + this.group + "/summary").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.patternHealth.tokenRequestCount()).isEqualTo(1);
	}

	@Test
	void answers404WhenPatternHealthHasNoSuchGroup() {
		ResponseEntity<String> response = get("/groups/no-such-group/summary");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).contains("\"detail\":\"Pattern Health has no such group\"");
	}

	private ResponseEntity<String> get(String path) {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
