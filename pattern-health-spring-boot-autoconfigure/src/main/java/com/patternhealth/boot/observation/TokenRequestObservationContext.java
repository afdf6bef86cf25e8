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

package com.patternhealth.boot.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one token acquisition knows: the client, the token endpoint,
 * what started it and how it ended. One acquisition may take several attempts.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class TokenRequestObservationContext extends Observation.Context {

	private final String clientName;

	private final String clientId;

	private final String tokenUri;

	private final String trigger;

	private @Nullable Outcome outcome;

	private int attempts;

	/**
	 * Create a new context.
	 * @param clientName the name of the Pattern Health client: {@code default} for the
	 * one {@code patternhealth.*} configures, a configured name, or {@code run-time}
	 * @param clientId the client id whose token is requested
	 * @param tokenUri the URI of the token endpoint
	 * @param trigger what started the acquisition, such as {@code refresh-ahead}
	 */
	public TokenRequestObservationContext(String clientName, String clientId, String tokenUri, String trigger) {
		this.clientName = clientName;
		this.clientId = clientId;
		this.tokenUri = tokenUri;
		this.trigger = trigger;
	}

	public String getClientName() {
		return this.clientName;
	}

	public String getClientId() {
		return this.clientId;
	}

	public String getTokenUri() {
		return this.tokenUri;
	}

	public String getTrigger() {
		return this.trigger;
	}

	public @Nullable Outcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	/**
	 * How a token acquisition ended.
	 */
	public enum Outcome {

		/**
		 * A token was obtained.
		 */
		SUCCESS("success"),

		/**
		 * Pattern Health rejected the client credentials.
		 */
		CREDENTIALS_REJECTED("credentials-rejected"),

		/**
		 * No token was obtained for any other reason.
		 */
		FAILURE("failure");

		private final String value;

		Outcome(String value) {
			this.value = value;
		}

		/**
		 * Return the low-cardinality value of this outcome.
		 * @return the value, such as {@code credentials-rejected}
		 */
		public String getValue() {
			return this.value;
		}

	}

}
