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

package com.patternhealth.boot.test;

import java.time.Clock;
import java.time.Duration;

/**
 * Configures a {@link PatternHealthStandIn}; start with
 * {@link PatternHealthStandIn#builder()}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthStandInBuilder {

	int port;

	String clientId = PatternHealthStandIn.DEFAULT_CLIENT_ID;

	String clientSecret = PatternHealthStandIn.DEFAULT_CLIENT_SECRET;

	Duration tokenLifetime = PatternHealthStandIn.DEFAULT_TOKEN_LIFETIME;

	Clock clock = Clock.systemUTC();

	PatternHealthStandInBuilder() {
	}

	/**
	 * Set the port to listen on; zero, the default, picks a free one.
	 * @param port the port
	 * @return this builder
	 */
	public PatternHealthStandInBuilder port(int port) {
		this.port = port;
		return this;
	}

	/**
	 * Set the client id that the token endpoint accepts.
	 * @param clientId the client id, without {@code :}
	 * @return this builder
	 */
	public PatternHealthStandInBuilder clientId(String clientId) {
		if (clientId.isEmpty() || clientId.indexOf(':') != -1) {
			throw new IllegalArgumentException("'clientId' must be non-empty and free of ':'");
		}
		this.clientId = clientId;
		return this;
	}

	/**
	 * Set the client secret that the token endpoint accepts.
	 * @param clientSecret the client secret
	 * @return this builder
	 */
	public PatternHealthStandInBuilder clientSecret(String clientSecret) {
		if (clientSecret.isEmpty()) {
			throw new IllegalArgumentException("'clientSecret' must not be empty");
		}
		this.clientSecret = clientSecret;
		return this;
	}

	/**
	 * Set the lifetime of the tokens issued, answered as {@code expires_in} in
	 * milliseconds.
	 * @param tokenLifetime the token lifetime, positive
	 * @return this builder
	 */
	public PatternHealthStandInBuilder tokenLifetime(Duration tokenLifetime) {
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("'tokenLifetime' must be positive, not " + tokenLifetime);
		}
		this.tokenLifetime = tokenLifetime;
		return this;
	}

	/**
	 * Set the clock against which tokens expire, so that tests can move time on.
	 * @param clock the clock
	 * @return this builder
	 */
	public PatternHealthStandInBuilder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Start the stand-in.
	 * @return the running stand-in
	 */
	public PatternHealthStandIn start() {
		return new PatternHealthStandIn(this).startServer();
	}

}
