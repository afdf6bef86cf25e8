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
 * A client the benchmarks put load on, reactive or blocking, with each way of loading it
 * that a measurement needs.
 *
 * @author Pattern Health Spring Boot authors
 */
interface MeasuredClient {

	/**
	 * The name shown in the report.
	 */
	String name();

	/**
	 * Make one API call and wait for its answer.
	 */
	void call();

	/**
	 * Keep {@code concurrency} calls in flight, each starting as soon as the previous one
	 * ends; count the calls that complete during {@code measure}, after {@code warmup}.
	 */
	Load.Throughput throughput(int concurrency, Duration warmup, Duration measure);

	/**
	 * Start {@code calls} calls at once and wait for all of them.
	 * @return the number of calls that failed
	 */
	long burst(int calls);

	/**
	 * Start calls at a fixed rate, whether or not earlier calls have ended, each timed
	 * from the instant it was due to start.
	 */
	Load.Samples openLoop(int callsPerSecond, Duration duration);

}
