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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The heap in use after a full collection, sampled during a long run of the starter's
 * {@code patternHealthWebClient} with {@value Side#REACTIVE_CONCURRENCY} calls in flight
 * and short-lived tokens, to show whether it grows with each refresh.
 *
 * @author Pattern Health Spring Boot authors
 */
final class HeapBenchmark {

	static final Duration SOAK_LIFETIME = Duration.ofSeconds(2);

	static final Duration SOAK_TOKEN_DELAY = Duration.ofMillis(20);

	private final BenchmarkPlan plan;

	private final LoopbackPatternHealthServer server;

	private final Supplier<Contender> starter;

	HeapBenchmark(BenchmarkPlan plan, LoopbackPatternHealthServer server, Supplier<Contender> starter) {
		this.plan = plan;
		this.server = server;
		this.starter = starter;
	}

	void appendTo(StringBuilder report) {
		BenchmarkRunner.progress("Heap during a long run of (c)");
		this.server.reset(SOAK_LIFETIME, SOAK_TOKEN_DELAY);
		Contender contender = this.starter.get();
		Load.ClosedLoop loop = Load.ClosedLoop.start(contender.webClient(), Side.REACTIVE_CONCURRENCY);
		Load.sleep(this.plan.soakSample());
		List<Double> heap = new ArrayList<>();
		long start = System.nanoTime();
		for (int sample = 0; sample <= this.plan.soakSamples(); sample++) {
			if (sample > 0) {
				Load.sleep(this.plan.soakSample());
			}
			heap.add(usedHeapAfterGc() / (1024.0 * 1024));
			BenchmarkRunner
				.progress(String.format(Locale.ROOT, "  %3d s: %.1f MB used after GC, %,d calls, %d token requests",
						(System.nanoTime() - start) / 1_000_000_000, heap.get(heap.size() - 1), loop.completed(),
						this.server.tokenRequests()));
		}
		loop.stop();
		double minutes = (System.nanoTime() - start) / 60e9;
		double slope = slope(heap) * this.plan.soakSamples() / minutes;
		double growth = heap.get(heap.size() - 1) - heap.get(0);
		report.append("| Heap during a long run of (c) | Value |\n|---|--:|\n");
		report.append(String.format(Locale.ROOT,
				"| Run | %.1f min, %d concurrent calls, %d-s tokens (%d ms token endpoint) |%n", minutes,
				Side.REACTIVE_CONCURRENCY, SOAK_LIFETIME.toSeconds(), SOAK_TOKEN_DELAY.toMillis()));
		report.append(String.format(Locale.ROOT,
				"| Calls, token requests, 401 answers, failed calls | " + "%,d, %d, %d, %d |%n", loop.completed(),
				this.server.tokenRequests(), this.server.rejectedCalls(), loop.failed()));
		report.append(String.format(Locale.ROOT, "| Heap used after a full GC, every %d s (MB) | %s |%n",
				this.plan.soakSample().toSeconds(),
				heap.stream().map((mb) -> Stats.number(mb, 1)).reduce((a, b) -> a + ", " + b).orElse("")));
		report.append(String.format(Locale.ROOT,
				"| Growth first to last sample; least-squares trend (MB, MB/min) | %+.1f; %+.2f |%n%n", growth, slope));
	}

	/** Least-squares slope of the samples, per sample. */
	static double slope(List<Double> samples) {
		int n = samples.size();
		double meanX = (n - 1) / 2.0;
		double meanY = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double covariance = 0;
		double variance = 0;
		for (int i = 0; i < n; i++) {
			covariance += (i - meanX) * (samples.get(i) - meanY);
			variance += (i - meanX) * (i - meanX);
		}
		return (variance > 0) ? covariance / variance : 0;
	}

	private static long usedHeapAfterGc() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
