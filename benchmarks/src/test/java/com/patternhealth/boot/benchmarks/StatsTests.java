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

/**
 * Tests for {@link Stats}.
 *
 * @author Pattern Health Spring Boot authors
 */
class StatsTests {

	@Test
	void takesTheMiddleValueOfAnOddNumberOfRounds() {
		assertThat(Stats.of(List.of(9.0, 1.0, 5.0))).isEqualTo(new Stats(5.0, 1.0, 9.0));
	}

	@Test
	void averagesTheTwoMiddleValuesOfAnEvenNumberOfRounds() {
		assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(new Stats(3.0, 1.0, 4.0));
	}

	@Test
	void spreadsOverTheMiddleHalfOfTheRounds() {
		assertThat(Stats.of(List.of(8.0, 1.0, 7.0, 2.0, 6.0, 3.0, 5.0, 4.0))).isEqualTo(new Stats(4.5, 2.0, 6.0));
	}

	@Test
	void takesPercentilesByNearestRank() {
		long[] samples = new long[100];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = 100 - i;
		}
		assertThat(Stats.percentile(samples, 50)).isEqualTo(50);
		assertThat(Stats.percentile(samples, 99)).isEqualTo(99);
		assertThat(Stats.percentile(new long[] { 7 }, 99)).isEqualTo(7);
		assertThat(Stats.percentile(new long[0], 50)).isNaN();
	}

	@Test
	void formatsTheMedianWithItsSpread() {
		assertThat(Stats.of(List.of(1200.0, 1000.0, 1100.0)).format(0)).isEqualTo("1,100 (1,000–1,200)");
		assertThat(Stats.of(List.of(0.999, 1.001)).format(2)).isEqualTo("1.00");
		assertThat(Stats.of(List.of(1.0, 1.0)).format(0)).isEqualTo("1");
		assertThat(Stats.of(List.of()).format(0)).isEqualTo("n/a");
	}

}
