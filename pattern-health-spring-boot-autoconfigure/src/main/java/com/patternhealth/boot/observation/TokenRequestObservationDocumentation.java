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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the observation of token acquisitions: one observation per acquisition, its
 * retries included, each retry recorded as the event {@code retry}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public enum TokenRequestObservationDocumentation implements ObservationDocumentation {

	/**
	 * One token acquisition: from the first attempt to the token or the final failure.
	 */
	TOKEN_REQUESTS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTokenRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
		}

	};

	/**
	 * Keys of few values, fit for metrics.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * How the acquisition ended: {@code success}, {@code credentials-rejected} or
		 * {@code failure}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * What started it: {@code first-use}, {@code refresh-ahead}, {@code expiry} or
		 * {@code unauthorized}.
		 */
		TRIGGER {
			@Override
			public String asString() {
				return "trigger";
			}
		},

		/**
		 * The name of the Pattern Health client: {@code default} for the one that
		 * {@code patternhealth.*} configures, a name configured under
		 * {@code patternhealth.clients}, or {@code run-time} for every client made at run
		 * time.
		 */
		CLIENT {
			@Override
			public String asString() {
				return "client";
			}
		}

	}

	/**
	 * Keys of many values, for traces only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The client id whose token was requested.
		 */
		CLIENT_ID {
			@Override
			public String asString() {
				return "patternhealth.client-id";
			}
		},

		/**
		 * The URI of the token endpoint.
		 */
		TOKEN_URI {
			@Override
			public String asString() {
				return "patternhealth.token-uri";
			}
		}

	}

	/**
	 * Events within an acquisition.
	 */
	public enum Events implements Observation.Event {

		/**
		 * An attempt failed in a way that may pass, and another one follows.
		 */
		RETRY {
			@Override
			public String getName() {
				return "retry";
			}
		}

	}

}
