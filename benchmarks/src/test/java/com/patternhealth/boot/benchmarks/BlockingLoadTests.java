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

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlockingLoad}.
 *
 * @author Pattern Health Spring Boot authors
 */
class BlockingLoadTests {

	private final LoopbackPatternHealthServer server = new LoopbackPatternHealthServer();

	private final RestClient restClient = RestClient.builder()
		.requestFactory(new JdkClientHttpRequestFactory())
		.baseUrl(this.server.baseUrl())
		.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + this.server.issueToken())
		.build();

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void throughputCountsTheCallsOfEveryThread() {
		Load.Throughput throughput = BlockingLoad.throughput(this.restClient, 4, Duration.ofMillis(100),
				Duration.ofMillis(200));
		assertThat(throughput.callsPerSecond()).isPositive();
		assertThat(throughput.cpuMicrosPerCall()).isPositive();
		assertThat(throughput.failed()).isZero();
		assertThat(this.server.rejectedCalls()).isZero();
	}

	@Test
	void burstMakesEveryCallAndCountsFailures() {
		assertThat(BlockingLoad.burst(this.restClient, 300)).isZero();
		assertThat(this.server.apiCalls()).isEqualTo(300);
		this.server.reset(Duration.ofHours(1), Duration.ZERO);
		assertThat(BlockingLoad.burst(this.restClient, 10)).as("calls with a token the server forgot").isEqualTo(10);
	}

	@Test
	void openLoopTimesEveryCallFromWhenItWasDue() {
		Load.Samples samples = BlockingLoad.openLoop(this.restClient, 200, Duration.ofMillis(500));
		assertThat(samples.all()).hasSize(100);
		assertThat(Stats.percentile(samples.all(), 0)).isPositive();
		assertThat(samples.startedAt()[1] - samples.startedAt()[0]).isEqualTo(Duration.ofMillis(5).toNanos());
		assertThat(samples.failed()).isZero();
		assertThat(this.server.apiCalls()).isEqualTo(100);
	}

}
