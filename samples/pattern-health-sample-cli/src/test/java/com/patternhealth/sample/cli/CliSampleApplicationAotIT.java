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

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample's jar, processed ahead of time by {@code spring-boot:process-aot}, in a
 * JVM of its own with {@code -Dspring.aot.enabled=true}, as an application that uses
 * Spring Boot's AOT cache or a native image starts: the starter's beans come from the
 * generated bean definitions, not from the auto-configuration classes.
 */
class CliSampleApplicationAotIT {

	@Test
	void listsTheExampleGroupWithOneTokenWhenProcessedAheadOfTime() throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("sample.jar", "target/pattern-health-sample-cli.jar"));
		assertThat(jar).exists();
		Path log = jar.resolveSibling("aot-run.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Dspring.aot.enabled=true", "-jar", jar.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("The sample did not exit within 2 minutes; its output is in " + log);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Starting AOT-processed CliSampleApplication")
			.contains("started a Pattern Health stand-in at http://127.0.0.1:")
			.contains("Obtained a Pattern Health access token valid for 60 minutes")
			.contains("GET /api/v1/groups/3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10/members?limit=2&offset=4 -> 200 OK")
			.contains("Members of group 3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10 (5):")
			.contains("  Edsger Dijkstra")
			.contains("Tasks (7):")
			.contains("  2026-03-06  SCHEDULED   Care team call")
			.contains("Stopping the Pattern Health stand-in, which answered 1 token request and 7 API requests");
		List<String> tokenRequests = output.lines().filter((line) -> line.contains("POST /api/auth/token")).toList();
		assertThat(tokenRequests).hasSize(1);
	}

}
