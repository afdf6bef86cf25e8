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
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One side of the comparison: the three clients measured side by side (the floor, Spring
 * Security and the starter), a second floor that shows how finely the comparison
 * resolves, the throughput the starter should reach relative to the floor, and how to
 * build each client afresh.
 *
 * @param floor the name of the floor, a bare client with a fixed header
 * @param springSecurity the name of Spring Security's client
 * @param starter the name of the starter's client
 * @param secondFloor the name of the second floor
 * @param transport the kind of client, as named in the report
 * @param throughputTarget the least throughput of the starter relative to the floor
 * @param concurrency the calls in flight when throughput is measured
 * @param burstCalls how the calls of a burst are started, as named in the report
 * @param fixedHeader a bare client of the given name sending the given token
 * @param springSecurityClient Spring Security's client with the given clock skew
 * @param starterClient the starter's client in a new application context
 * @author Pattern Health Spring Boot authors
 */
record Side(String floor, String springSecurity, String starter, String secondFloor, String transport,
		double throughputTarget, int concurrency, String burstCalls,
		BiFunction<String, String, MeasuredClient> fixedHeader, Function<Duration, MeasuredClient> springSecurityClient,
		Supplier<MeasuredClient> starterClient) {

	/** Calls in flight on the reactive side when throughput is measured. */
	static final int REACTIVE_CONCURRENCY = 64;

	/** Threads, each making one call after another, on the blocking side. */
	static final int BLOCKING_CONCURRENCY = 32;

	/**
	 * The reactive side: (a), (b) and (c), {@code WebClient}s on Reactor Netty.
	 * @param server the loopback server
	 * @param host the context whose builders make (a) and (b)
	 * @param opened told of every context opened for (c), to close at the end
	 */
	static Side reactive(LoopbackPatternHealthServer server, ConfigurableApplicationContext host,
			Consumer<ConfigurableApplicationContext> opened) {
		return reactive(server, host, () -> {
			Contender contender = Contender.starter(server.baseUrl());
			opened.accept(contender.context());
			return contender;
		});
	}

	/**
	 * The reactive side, whose (c) comes from the given supplier.
	 */
	static Side reactive(LoopbackPatternHealthServer server, ConfigurableApplicationContext host,
			Supplier<MeasuredClient> starter) {
		return new Side(Contender.FIXED_HEADER, Contender.SPRING_SECURITY, Contender.STARTER,
				Contender.SECOND_FIXED_HEADER, "WebClient", 0.95, REACTIVE_CONCURRENCY, "concurrent calls",
				(name, token) -> new Contender(name, Contender.fixedHeader(host, server.baseUrl(), token).webClient(),
						host),
				(clockSkew) -> Contender.springSecurity(host, server.baseUrl(), server.tokenUri(), clockSkew), starter);
	}

	/**
	 * The blocking side: (a'), (b') and (c'), {@code RestClient}s on the JDK's
	 * {@code HttpClient}, loaded from platform threads.
	 * @param server the loopback server
	 * @param host the context whose builders make (a') and (b')
	 * @param opened told of every context opened for (c'), to close at the end
	 */
	static Side blocking(LoopbackPatternHealthServer server, ConfigurableApplicationContext host,
			Consumer<ConfigurableApplicationContext> opened) {
		return blocking(server, host, () -> {
			BlockingContender contender = BlockingContender.starter(server.baseUrl());
			opened.accept(contender.context());
			return contender;
		});
	}

	/**
	 * The blocking side, whose (c') comes from the given supplier.
	 */
	static Side blocking(LoopbackPatternHealthServer server, ConfigurableApplicationContext host,
			Supplier<MeasuredClient> starter) {
		return new Side(BlockingContender.FIXED_HEADER, BlockingContender.SPRING_SECURITY, BlockingContender.STARTER,
				BlockingContender.SECOND_FIXED_HEADER, "RestClient", 0.97, BLOCKING_CONCURRENCY,
				"calls started at once on " + BlockingLoad.THREADS + " threads",
				(name, token) -> BlockingContender.fixedHeader(name, host, server.baseUrl(), token),
				(clockSkew) -> BlockingContender.springSecurity(host, server.baseUrl(), server.tokenUri(), clockSkew),
				starter);
	}

	/**
	 * The side of the given setup, all of whose clients come from one application that
	 * has the starter's clients: the floors from its builders, (c) or (c') is its bean.
	 */
	static Side of(ClientSetup setup, LoopbackPatternHealthServer server, ConfigurableApplicationContext application) {
		return setup.reactive() ? reactive(server, application, () -> Contender.starter(application))
				: blocking(server, application, () -> BlockingContender.starter(application));
	}

	/**
	 * The three clients compared, in the order of the report's columns.
	 */
	List<String> names() {
		return List.of(this.floor, this.springSecurity, this.starter);
	}

	/**
	 * The short label of the given client, such as {@code (a)}.
	 */
	static String label(String name) {
		return name.substring(0, name.indexOf(')') + 1);
	}

	MeasuredClient floorClient(String token) {
		return this.fixedHeader.apply(this.floor, token);
	}

	MeasuredClient secondFloorClient(String token) {
		return this.fixedHeader.apply(this.secondFloor, token);
	}

	/**
	 * A new client of the given name, for tokens of the given lifetime: Spring Security's
	 * clock skew is the share of the lifetime at which the starter refreshes ahead.
	 */
	MeasuredClient fresh(String name, Duration lifetime) {
		if (this.springSecurity.equals(name)) {
			return this.springSecurityClient
				.apply(Duration.ofMillis((long) (lifetime.toMillis() * BenchmarkRunner.REFRESH_AHEAD)));
		}
		return this.starterClient.get();
	}

}
