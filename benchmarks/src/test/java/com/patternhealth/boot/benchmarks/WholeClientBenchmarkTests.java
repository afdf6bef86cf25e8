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

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WholeClientBenchmark}: every client it measures answers from the stub
 * HTTP client libraries, none reaches the network.
 *
 * @author Pattern Health Spring Boot authors
 */
class WholeClientBenchmarkTests {

	@Test
	void everyClientGetsTheApisAnswerFromTheStubs() {
		WholeClientBenchmark benchmark = new WholeClientBenchmark();
		benchmark.start();
		try {
			String answer = new String(LoopbackPatternHealthServer.API_BODY, StandardCharsets.UTF_8);
			assertThat(benchmark.webClientFloor()).isEqualTo(answer);
			assertThat(benchmark.webClientStarter()).isEqualTo(answer);
			assertThat(benchmark.webClientSpringSecurity()).isEqualTo(answer);
			assertThat(benchmark.restClientFloor()).isEqualTo(answer);
			assertThat(benchmark.restClientStarter()).isEqualTo(answer);
			assertThat(benchmark.restClientSpringSecurity()).isEqualTo(answer);
		}
		finally {
			benchmark.stop();
		}
	}

}
