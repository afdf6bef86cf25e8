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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlightRecording}.
 *
 * @author Pattern Health Spring Boot authors
 */
class FlightRecordingTests {

	@Test
	void keepsOnlyTheEventsOfTheGivenWindows(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("work.jfr");
		long[] halves = new long[3];
		FlightRecording.record(file, () -> {
			halves[0] = System.currentTimeMillis();
			allocateFor(300);
			halves[1] = System.currentTimeMillis();
			allocateFor(300);
			halves[2] = System.currentTimeMillis();
		});
		FlightRecording all = FlightRecording.read(file, List.of(new long[] { halves[0], halves[2] }));
		FlightRecording first = FlightRecording.read(file, List.of(new long[] { halves[0], halves[1] }));
		FlightRecording none = FlightRecording.read(file, List.of());
		assertThat(all.bytesByClass()).containsKey("byte[]");
		assertThat(all.bytes()).isGreaterThan(first.bytes()).isGreaterThan(0);
		assertThat(all.samples()).isEqualTo(all.byMethod().values().stream().mapToLong(Long::longValue).sum());
		assertThat(none.samples()).isZero();
		assertThat(none.bytes()).isZero();
	}

	@Test
	void countsTheStartersCodeButNotTheBenchmarks() {
		assertThat(FlightRecording.isStarter("com.patternhealth.boot.token.PatternHealthTokenCache.acquire")).isTrue();
		assertThat(FlightRecording.isStarter("com.patternhealth.boot.benchmarks.Load.call")).isFalse();
		assertThat(FlightRecording.isStarter("reactor.core.publisher.Mono.block")).isFalse();
	}

	@Test
	void namesArraysAsJavaDoes() {
		assertThat(FlightRecording.className("[B")).isEqualTo("byte[]");
		assertThat(FlightRecording.className("[[I")).isEqualTo("int[][]");
		assertThat(FlightRecording.className("[Ljava.util.HashMap$Node;")).isEqualTo("java.util.HashMap$Node[]");
	}

	@Test
	void namesALambdaForTheClassThatHoldsIt() {
		assertThat(FlightRecording.withoutLambdaId(
				"org.springframework.http.client.reactive.AbstractClientHttpRequest$$Lambda$1041+0x00007f62fc4cf1d0.1884987413"))
			.isEqualTo("org.springframework.http.client.reactive.AbstractClientHttpRequest$$Lambda");
		assertThat(FlightRecording.withoutLambdaId("java.lang.String")).isEqualTo("java.lang.String");
	}

	private static void allocateFor(long millis) {
		List<byte[]> kept = new ArrayList<>();
		long end = System.nanoTime() + millis * 1_000_000L;
		while (System.nanoTime() < end) {
			kept.add(new byte[1024]);
			if (kept.size() > 1000) {
				kept.clear();
			}
		}
	}

}
