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

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless only named clients are configured: {@code patternhealth.clients.*}
 * without any of {@code patternhealth.base-url}, {@code client-id} and
 * {@code client-secret}. The single client's beans need it.
 *
 * @author Pattern Health Spring Boot authors
 * @see PatternHealthPropertiesValidator#hasSingleClient(PatternHealthProperties)
 */
class OnSingleClientCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (matches(context.getEnvironment())) {
			return ConditionOutcome.match("patternhealth.* configures a client of its own");
		}
		return ConditionOutcome.noMatch("only named clients are configured under patternhealth.clients");
	}

	/**
	 * Whether {@code patternhealth.*} configures a client of its own in the given
	 * environment, rather than only named clients.
	 * @param environment the environment
	 * @return whether the single client is configured
	 */
	static boolean matches(Environment environment) {
		Binder binder = Binder.get(environment);
		PatternHealthProperties properties = new PatternHealthProperties();
		binder.bind("patternhealth", Bindable.ofInstance(properties));
		binder.bind("patternhealth.clients", Bindable.mapOf(String.class, PatternHealthProperties.Client.class))
			.ifBound((Map<String, PatternHealthProperties.Client> clients) -> properties.getClients().putAll(clients));
		return PatternHealthPropertiesValidator.hasSingleClient(properties);
	}

}
