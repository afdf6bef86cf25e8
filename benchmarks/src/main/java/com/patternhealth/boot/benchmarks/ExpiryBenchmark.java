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
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What happens when a client has no valid token, for Spring Security's client and the
 * starter's of one side, each new for every round: the token requests sent for
 * {@value #BURST} calls started at once, at cold start and once the token has expired;
 * and the latency of calls started at a fixed rate around each expiry against the other
 * calls of the same run.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ExpiryBenchmark {

	static final int BURST = 1000;

	static final Duration BURST_LIFETIME = Duration.ofSeconds(5);

	static final Duration EXPIRY_LIFETIME = Duration.ofSeconds(5);

	static final Duration TOKEN_DELAY = Duration.ofMillis(200);

	static final int CALLS_PER_SECOND = 400;

	/** Calls that start this share of a lifetime before a token expires... */
	static final double WINDOW_BEFORE = 0.15;

	/** ...up to this share after it are the calls "around expiry". */
	static final double WINDOW_AFTER = 0.05;

	private final BenchmarkPlan plan;

	private final LoopbackPatternHealthServer server;

	private final Side side;

	private final SideBySideTable table;

	private final LatencyChart chart;

	ExpiryBenchmark(BenchmarkPlan plan, LoopbackPatternHealthServer server, Side side, SideBySideTable table,
			LatencyChart chart) {
		this.plan = plan;
		this.server = server;
		this.side = side;
		this.table = table;
		this.chart = chart;
	}

	void tokenRequests() {
		BenchmarkRunner.progress("Token requests for " + BURST + " " + this.side.burstCalls());
		for (int round = 0; round < this.plan.tokenRounds(); round++) {
			for (String name : contenders(round)) {
				this.server.reset(BURST_LIFETIME, TOKEN_DELAY);
				MeasuredClient contender = this.side.fresh(name, BURST_LIFETIME);
				long start = System.nanoTime();
				long failed = contender.burst(BURST);
				long coldMillis = (System.nanoTime() - start) / 1_000_000;
				long cold = this.server.tokenRequests();
				sleepUntilExpired(BURST_LIFETIME);
				start = System.nanoTime();
				failed += contender.burst(BURST);
				long expiredMillis = (System.nanoTime() - start) / 1_000_000;
				long expired = this.server.tokenRequests() - cold;
				this.table.add("tokensCold", name, cold);
				this.table.add("tokensExpired", name, expired);
				this.table.add("burstFailures", name, failed);
				BenchmarkRunner.progress(String.format(Locale.ROOT,
						"  round %d %s: cold %d token requests (%d ms), expired %d (%d ms), failed %d, 401s %d",
						round + 1, Side.label(name), cold, coldMillis, expired, expiredMillis, failed,
						this.server.rejectedCalls()));
			}
		}
		this.table.note(String.format(Locale.ROOT,
				"Token requests: %d rounds; a new client each time, %,d calls started at once when it has no "
						+ "token, then %,d more once its token (lifetime %d s) has expired; the token endpoint "
						+ "answers after %d ms.",
				this.plan.tokenRounds(), BURST, BURST, BURST_LIFETIME.toSeconds(), TOKEN_DELAY.toMillis()));
	}

	void latency() {
		BenchmarkRunner.progress("Latency around token expiry, " + this.side.transport());
		Duration run = EXPIRY_LIFETIME.multipliedBy(this.plan.expiries()).plusMillis(500);
		for (int round = 0; round < this.plan.latencyRounds(); round++) {
			for (String name : contenders(round)) {
				this.server.reset(EXPIRY_LIFETIME, TOKEN_DELAY);
				MeasuredClient contender = this.side.fresh(name, EXPIRY_LIFETIME);
				contender.call();
				long firstTokens = this.server.tokenRequests();
				Load.Samples samples = contender.openLoop(CALLS_PER_SECOND, run);
				if (round == 0) {
					this.chart.add(this.side.transport() + "s, " + CALLS_PER_SECOND + " calls per second, "
							+ EXPIRY_LIFETIME.toSeconds() + "-s tokens, token endpoint answering after "
							+ TOKEN_DELAY.toMillis() + " ms", name, samples, this.server.tokenRequestedAt());
				}
				long[][] windows = windows(this.server.issuedAt(), EXPIRY_LIFETIME);
				long[] around = samples.select(windows, true);
				long[] steady = samples.select(windows, false);
				double steadyP50 = Stats.percentile(steady, 50) / 1e6;
				double steadyP99 = Stats.percentile(steady, 99) / 1e6;
				double expiryP50 = Stats.percentile(around, 50) / 1e6;
				double expiryP99 = Stats.percentile(around, 99) / 1e6;
				this.table.add("steadyP50", name, steadyP50);
				this.table.add("steadyP99", name, steadyP99);
				this.table.add("expiryP50", name, expiryP50);
				this.table.add("expiryP99", name, expiryP99);
				this.table.add("p99Ratio", name, expiryP99 / steadyP99);
				this.table.add("tokensPerExpiry", name,
						(this.server.tokenRequests() - firstTokens) / (double) this.plan.expiries());
				this.table.add("latencyFailures", name, samples.failed() + this.server.rejectedCalls());
				BenchmarkRunner.progress(String.format(Locale.ROOT,
						"  round %d %s: steady p50 %.2f p99 %.2f ms (%d calls); around expiry p50 %.2f p99 %.2f ms "
								+ "(%d calls); token requests %d, 401s %d, failed %d",
						round + 1, Side.label(name), steadyP50, steadyP99, steady.length, expiryP50, expiryP99,
						around.length, this.server.tokenRequests(), this.server.rejectedCalls(), samples.failed()));
			}
		}
		this.table.note(String.format(Locale.ROOT,
				"Latency: %d rounds; a new client each time, then calls started at a fixed rate of %d per second "
						+ "for %.1f s and timed from when they were due, with %d-s tokens (%d expiries) and a token "
						+ "endpoint that answers after %d ms. Around expiry: the calls started from %.0f%% of a "
						+ "lifetime before a token's expiry to %.0f%% after it; steady state: the other calls of the "
						+ "same run. %s uses a clock skew of %.0f%% of the lifetime: with Spring's default of 60 s "
						+ "a %d-s token would be fetched again on every call.",
				this.plan.latencyRounds(), CALLS_PER_SECOND, run.toMillis() / 1000.0, EXPIRY_LIFETIME.toSeconds(),
				this.plan.expiries(), TOKEN_DELAY.toMillis(), WINDOW_BEFORE * 100, WINDOW_AFTER * 100,
				Side.label(this.side.springSecurity()), BenchmarkRunner.REFRESH_AHEAD * 100,
				EXPIRY_LIFETIME.toSeconds()));
	}

	private List<String> contenders(int round) {
		return ThroughputBenchmark.rotate(List.of(this.side.springSecurity(), this.side.starter()), round);
	}

	private void sleepUntilExpired(Duration lifetime) {
		long lastIssued = Collections.max(this.server.issuedAt());
		long wait = lastIssued + lifetime.toNanos() + Duration.ofMillis(100).toNanos() - System.nanoTime();
		if (wait > 0) {
			Load.sleep(Duration.ofNanos(wait));
		}
	}

	private static long[][] windows(List<Long> issuedAt, Duration lifetime) {
		long before = (long) (lifetime.toNanos() * (1 - WINDOW_BEFORE));
		long after = (long) (lifetime.toNanos() * (1 + WINDOW_AFTER));
		return issuedAt.stream().map((issued) -> new long[] { issued + before, issued + after }).toArray(long[][]::new);
	}

}
