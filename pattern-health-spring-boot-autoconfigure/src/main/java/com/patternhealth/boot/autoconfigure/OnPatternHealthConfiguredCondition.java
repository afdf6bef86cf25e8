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

package com.patternhealth.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnPatternHealthConfigured}.
 *
 * @author Pattern Health Spring Boot authors
 */
class OnPatternHealthConfiguredCondition extends SpringBootCondition {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("patternhealth");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnPatternHealthConfigured.class);
		if (isConfigured(context.getEnvironment())) {
			return ConditionOutcome.match(message.found("patternhealth.* properties").atAll());
		}
		return ConditionOutcome.noMatch(message.because("no patternhealth.* property is set; set "
				+ "patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret"));
	}

	/**
	 * Whether at least one {@code patternhealth.*} property is set in the given
	 * environment.
	 * @param environment the environment
	 * @return whether the Pattern Health client is configured at all
	 */
	static boolean isConfigured(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.containsDescendantOf(PREFIX) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

}
