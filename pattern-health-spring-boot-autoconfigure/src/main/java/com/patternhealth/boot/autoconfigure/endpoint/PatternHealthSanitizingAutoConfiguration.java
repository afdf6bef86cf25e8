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

package com.patternhealth.boot.autoconfigure.endpoint;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the masking of Pattern Health client secrets in the Actuator's
 * {@code configprops} and {@code env} endpoints. It applies whether or not the client is
 * configured or enabled: the environment shows a secret that is set either way.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class PatternHealthSanitizingAutoConfiguration {

	/**
	 * The name of the function that masks client secrets in the Actuator's endpoints.
	 */
	public static final String SANITIZING_FUNCTION_BEAN_NAME = "patternHealthSanitizingFunction";

	@Bean(name = SANITIZING_FUNCTION_BEAN_NAME)
	@ConditionalOnMissingBean(name = SANITIZING_FUNCTION_BEAN_NAME)
	PatternHealthSanitizingFunction patternHealthSanitizingFunction() {
		return new PatternHealthSanitizingFunction();
	}

}
