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

import java.util.Map;

import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AutoConfigurePatternHealthStandIn @AutoConfigurePatternHealthStandIn}
 * with the starter's auto-configured {@code patternHealthWebClient}.
 */
@SpringBootTest(properties = "patternhealth.base-url=https://tenant.example.com")
@AutoConfigurePatternHealthStandIn
class AutoConfigurePatternHealthStandInTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private PatternHealthStandIn standIn;

	@Autowired
	@PatternHealth
	private WebClient webClient;

	@Autowired
	private Environment environment;

	@Test
	void pointsPatternHealthPropertiesAtTheStandInAheadOfOtherSources() {
		assertThat(this.environment.getProperty("patternhealth.base-url")).isEqualTo(this.standIn.baseUrl());
		assertThat(this.environment.getProperty("patternhealth.client-id"))
			.isEqualTo(PatternHealthStandIn.DEFAULT_CLIENT_ID);
		assertThat(this.environment.getProperty("patternhealth.client-secret"))
			.isEqualTo(PatternHealthStandIn.DEFAULT_CLIENT_SECRET);
		assertThat(this.standIn.isRunning()).isTrue();
	}

	@Test
	void starterCallsTheStandInWithOneTokenAndRecoversFromAnExpiredOne() {
		String group = this.standIn.seedExampleGroup();
		Map<String, Object> members = get("/api/v1/groups/{group}/members", group);
		Map<String, Object> tasks = get("/api/v1/groups/{group}/tasks", group);
		assertThat(members).containsEntry("totalCount", 5);
		assertThat(tasks).containsEntry("totalCount", 7);
		assertThat(this.standIn.tokenRequestCount()).isEqualTo(1);
		assertThat(this.standIn.apiRequestCount()).isEqualTo(2);
		String firstToken = this.standIn.lastAuthorizationHeader();
		assertThat(firstToken).startsWith("Bearer stand-in-");
		this.standIn.expireAllTokens();
		assertThat(get("/api/v1/groups/{group}/members", group)).containsEntry("totalCount", 5);
		assertThat(this.standIn.tokenRequestCount()).isEqualTo(2);
		assertThat(this.standIn.apiRequestCount()).isEqualTo(4);
		assertThat(this.standIn.lastAuthorizationHeader()).startsWith("Bearer stand-in-").isNotEqualTo(firstToken);
	}

	private Map<String, Object> get(String path, String group) {
		return this.webClient.get().uri(path, group).retrieve().bodyToMono(JSON).block();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
