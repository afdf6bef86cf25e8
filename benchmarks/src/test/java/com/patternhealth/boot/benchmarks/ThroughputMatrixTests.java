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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ThroughputMatrix}.
 *
 * @author Pattern Health Spring Boot authors
 */
class ThroughputMatrixTests {

	private final ClientSetup setup = ClientSetup.of("webclient-reactor-actuator");

	@Test
	void takesEachRatioWithinItsRound() {
		ThroughputMatrix.Result result = ThroughputMatrix.Result.of(this.setup,
				List.of(line(0, Contender.FIXED_HEADER, 1000, 30), line(0, Contender.STARTER, 900, 33),
						line(0, Contender.SECOND_FIXED_HEADER, 1010, 30),
						line(1, Contender.SECOND_FIXED_HEADER, 2020, 30), line(1, Contender.STARTER, 1800, 30),
						line(1, Contender.FIXED_HEADER, 2000, 30), ClientProbe.WARMUP_PREFIX + "3",
						ClientProbe.SERVER_PREFIX + "1\t0"),
				"1.00 0.50 0.20", "2.00 1.00 0.40");
		assertThat(result.throughputRatios(Contender.STARTER)).containsExactly(0.9, 0.9);
		assertThat(result.throughputRatios(Contender.SECOND_FIXED_HEADER)).containsExactly(1.01, 1.01);
		assertThat(result.cpuRatios(Contender.STARTER)).containsExactly(30 / 33.0, 1.0);
		assertThat(result.warmupPasses()).isEqualTo(3);
		assertThat(result.tokenRequests()).isOne();
	}

	@Test
	void failsWithoutAnyRound() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ThroughputMatrix.Result.of(this.setup, List.of("Exception in thread"), "", ""))
			.withMessageContaining("webclient-reactor-actuator");
	}

	private static String line(int round, String name, double callsPerSecond, double cpuMicrosPerCall) {
		return new ThroughputBenchmark.Measurement(round, name,
				new Load.Throughput(callsPerSecond, cpuMicrosPerCall, 0))
			.line();
	}

}
