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
import java.util.Locale;
import java.util.Map;

/**
 * One kind of application whose starter client is compared with its floor: the stack
 * ({@code patternHealthWebClient} or {@code patternHealthRestClient}), the HTTP client
 * library both run on, and whether the application has Actuator, whose observations time
 * every call of every client. The floor is a bare client from the same application's
 * Spring Boot builder, on the same library.
 *
 * @param reactive whether the clients are {@code WebClient}s, else {@code RestClient}s
 * @param connector the HTTP client library
 * @param actuator whether the application has Actuator
 * @author Pattern Health Spring Boot authors
 */
record ClientSetup(boolean reactive, Connector connector, boolean actuator) {

	/**
	 * Every setup compared, in the order of the report.
	 */
	static final List<ClientSetup> ALL = List.of(new ClientSetup(true, Connector.REACTOR_NETTY, false),
			new ClientSetup(true, Connector.REACTOR_NETTY, true), new ClientSetup(true, Connector.JDK, false),
			new ClientSetup(true, Connector.JDK, true), new ClientSetup(false, Connector.JDK, false),
			new ClientSetup(false, Connector.REACTOR_NETTY, false));

	/**
	 * The setup of the given id, such as {@code webclient-jdk-actuator}.
	 */
	static ClientSetup of(String id) {
		return ALL.stream()
			.filter((setup) -> setup.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown setup '" + id + "'"));
	}

	/**
	 * The id of this setup, as given on the command line.
	 */
	String id() {
		return (this.reactive ? "webclient-" : "restclient-") + this.connector.id + (this.actuator ? "-actuator" : "");
	}

	/**
	 * What this setup measures, as named in the report.
	 */
	String description() {
		return String.format(Locale.ROOT, "%s on %s, %s Actuator",
				this.reactive ? "patternHealthWebClient" : "patternHealthRestClient", this.connector.description,
				this.actuator ? "with" : "without");
	}

	/**
	 * The properties that put both the floor and the starter's client on this setup's
	 * HTTP client library.
	 */
	Map<String, Object> properties() {
		return Map.of(
				this.reactive ? "spring.http.clients.reactive.connector" : "spring.http.clients.imperative.factory",
				this.connector.id);
	}

	/**
	 * Whether this setup is the one each side's table reports, with Spring Security's
	 * client measured too: the library each stack runs on elsewhere in the benchmarks,
	 * without Actuator.
	 */
	boolean sideBySide() {
		return !this.actuator && (this.connector == (this.reactive ? Connector.REACTOR_NETTY : Connector.JDK));
	}

	String floor() {
		return this.reactive ? Contender.FIXED_HEADER : BlockingContender.FIXED_HEADER;
	}

	String secondFloor() {
		return this.reactive ? Contender.SECOND_FIXED_HEADER : BlockingContender.SECOND_FIXED_HEADER;
	}

	String starter() {
		return this.reactive ? Contender.STARTER : BlockingContender.STARTER;
	}

	String springSecurity() {
		return this.reactive ? Contender.SPRING_SECURITY : BlockingContender.SPRING_SECURITY;
	}

	/**
	 * An HTTP client library that Spring Boot can put both stacks on.
	 */
	enum Connector {

		REACTOR_NETTY("reactor", "Reactor Netty"),

		JDK("jdk", "the JDK's HttpClient");

		final String id;

		final String description;

		Connector(String id, String description) {
			this.id = id;
			this.description = description;
		}

	}

}
