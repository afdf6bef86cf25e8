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

import com.jayway.jsonpath.JsonPath;
import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Actuator of the sample, as an operator reads it: the {@code patternhealth} health
 * component before and after a call, and the token meters. A context of its own (the
 * property), since the other tests count token requests from a fresh start.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = "management.endpoint.health.show-components=always")
class ActuatorTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PatternHealthStandIn embeddedStandIn;

	@Test
	void reportsTheTokenInHealthAndMetricsAfterACallWithoutAskingPatternHealth() {
		ResponseEntity<String> before = get("/actuator/health/patternhealth");
		assertThat(before.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(before.getBody()).contains("\"status\":\"UNKNOWN\"", "\"state\":\"not-requested\"");
		assertThat(get("/groups/{group}/summary", PatternHealthStandIn.EXAMPLE_GROUP_ID).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<String> after = get("/actuator/health/patternhealth");
		assertThat(after.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(after.getBody()).contains("\"status\":\"UP\"", "\"state\":\"valid\"", "\"expiresAt\":",
				"\"failedRefreshes\":0", "\"clientId\":\"" + this.embeddedStandIn.clientId() + "\"");
		String token = this.embeddedStandIn.lastAuthorizationHeader().substring("Bearer ".length());
		assertThat(after.getBody()).doesNotContain(token, this.embeddedStandIn.clientSecret());
		assertThat((String) JsonPath.read(get("/actuator/health").getBody(), "$.components.patternhealth.status"))
			.isEqualTo("UP");
		assertThat(this.embeddedStandIn.tokenRequestCount()).isOne();
		assertThat(get("/actuator/metrics/patternhealth.token.requests").getBody())
			.contains("{\"statistic\":\"COUNT\",\"value\":1.0}", "{\"tag\":\"outcome\",\"values\":[\"success\"]}");
		assertThat(get("/actuator/metrics/patternhealth.token.calls?tag=source:token-endpoint").getBody())
			.contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
		assertThat(get("/actuator/metrics/patternhealth.token.remaining").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> get(String path, Object... variables) {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path, variables)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
