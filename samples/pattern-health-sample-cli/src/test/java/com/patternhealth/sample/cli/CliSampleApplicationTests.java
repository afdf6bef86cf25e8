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

package com.patternhealth.sample.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command-line sample as a user does, with and without a configured Pattern
 * Health tenant.
 */
@ExtendWith(OutputCaptureExtension.class)
class CliSampleApplicationTests {

	@Test
	void listsTheExampleGroupFromTheEmbeddedStandInWithOneToken(CapturedOutput output) {
		CliSampleApplication.main(new String[0]);
		assertThat(output).contains("started a Pattern Health stand-in at http://127.0.0.1:")
			.contains("Obtained a Pattern Health access token valid for 60 minutes")
			.contains("GET /api/v1/groups/3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10/members?limit=2&offset=4 -> 200 OK")
			.contains("Members of group 3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10 (5):")
			.contains("  Edsger Dijkstra")
			.contains("Tasks (7):")
			.contains("  2026-03-06  SCHEDULED   Care team call")
			.contains("Stopping the Pattern Health stand-in, which answered 1 token request and 7 API requests");
		assertThat(output.getOut().lines().filter((line) -> line.contains("POST /api/auth/token"))).hasSize(1);
	}

	@Test
	void callsTheConfiguredTenantInsteadOfAStandIn(CapturedOutput output) {
		try (PatternHealthStandIn tenant = PatternHealthStandIn.builder()
			.clientId("tenant-client")
			.clientSecret("tenant secret")
			.tokenLifetime(Duration.ofMinutes(30))
			.start()) {
			tenant.setMembers("g1", List.of(Map.of("id", "m1", "firstName", "Mary")));
			CliSampleApplication.main(new String[] { "--patternhealth.base-url=" + tenant.baseUrl(),
					"--patternhealth.client-id=tenant-client", "--patternhealth.client-secret=tenant secret",
					"--sample.group-id=g1" });
			assertThat(tenant.tokenRequestCount()).isEqualTo(1);
			assertThat(tenant.apiRequestCount()).isEqualTo(2);
			assertThat(output).contains("Calling Pattern Health at " + tenant.baseUrl())
				.contains("Obtained a Pattern Health access token valid for 30 minutes")
				.contains("Members of group g1 (1):\n  Mary \n")
				.contains("Tasks (0):")
				.doesNotContain("stand-in");
		}
	}

	@Test
	void printsAHintWhenTheGroupDoesNotExist(CapturedOutput output) {
		CliSampleApplication.main(new String[] { "--sample.group-id=no-such-group" });
		assertThat(output).contains("Pattern Health has no group no-such-group (404). Set sample.group-id"
				+ " (or SAMPLE_GROUPID) to the id of one of your groups.");
	}

}
