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

import com.patternhealth.boot.observation.TokenRequestObservationDocumentation.HighCardinalityKeyNames;
import com.patternhealth.boot.observation.TokenRequestObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link TokenRequestObservationConvention}: observations named
 * {@value #NAME} with the low-cardinality keys {@code outcome}, {@code trigger} and
 * {@code client}, and the client id and token URI as high-cardinality keys.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class DefaultTokenRequestObservationConvention implements TokenRequestObservationConvention {

	/**
	 * The name of the observation, and of the timer Spring Boot makes of it.
	 */
	public static final String NAME = "patternhealth.token.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TokenRequestObservationContext context) {
		return "patternhealth token request";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TokenRequestObservationContext context) {
		TokenRequestObservationContext.Outcome outcome = context.getOutcome();
		return KeyValues.of(LowCardinalityKeyNames.OUTCOME.withValue((outcome != null) ? outcome.getValue() : "none"),
				LowCardinalityKeyNames.TRIGGER.withValue(context.getTrigger()),
				LowCardinalityKeyNames.CLIENT.withValue(context.getClientName()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(TokenRequestObservationContext context) {
		return KeyValues.of(HighCardinalityKeyNames.CLIENT_ID.withValue(context.getClientId()),
				HighCardinalityKeyNames.TOKEN_URI.withValue(context.getTokenUri()));
	}

}
