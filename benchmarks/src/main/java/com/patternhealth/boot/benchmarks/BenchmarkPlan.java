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

/**
 * How long and how often each measurement runs: in full, or quickly to try a change.
 *
 * @param name {@code full} or {@code quick}
 * @param jitWarmup the length of one warm-up pass per client before the throughput rounds
 * @param rounds the throughput rounds
 * @param warmup the ramp-up of each client in a throughput round
 * @param measure how long each client is measured in a throughput round
 * @param tokenRounds the rounds of token requests counted at cold start and expiry
 * @param latencyRounds the rounds of latency around expiry
 * @param expiries the token expiries in each latency round
 * @param soakSample the time between two heap samples
 * @param soakSamples the heap samples after the first
 * @param startupRounds the rounds of application starts in fresh JVMs
 * @param jmhWarmups the JMH warm-up iterations
 * @param jmhIterations the JMH measurement iterations
 * @param profile how long a flight recording of one client lasts
 * @author Pattern Health Spring Boot authors
 */
record BenchmarkPlan(String name, Duration jitWarmup, int rounds, Duration warmup, Duration measure, int tokenRounds,
		int latencyRounds, int expiries, Duration soakSample, int soakSamples, int startupRounds, int jmhWarmups,
		int jmhIterations, Duration profile) {

	static final BenchmarkPlan FULL = new BenchmarkPlan("full", Duration.ofSeconds(3), 50, Duration.ofMillis(100),
			Duration.ofMillis(500), 3, 3, 3, Duration.ofSeconds(10), 5, 5, 5, 5, Duration.ofSeconds(30));

	static final BenchmarkPlan QUICK = new BenchmarkPlan("quick", Duration.ofSeconds(1), 6, Duration.ofMillis(100),
			Duration.ofMillis(500), 1, 1, 1, Duration.ofSeconds(2), 2, 1, 1, 2, Duration.ofSeconds(8));

	/**
	 * The plan of the given name: {@code quick}, or else {@code full}.
	 */
	static BenchmarkPlan of(String name) {
		return QUICK.name().equals(name) ? QUICK : FULL;
	}

}
