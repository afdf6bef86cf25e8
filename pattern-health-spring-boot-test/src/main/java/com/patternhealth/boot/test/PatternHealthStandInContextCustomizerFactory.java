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

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates the {@link PatternHealthStandInContextCustomizer} of tests annotated with
 * {@link AutoConfigurePatternHealthStandIn @AutoConfigurePatternHealthStandIn}.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthStandInContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigurePatternHealthStandIn annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigurePatternHealthStandIn.class);
		if (annotation == null) {
			return null;
		}
		return new PatternHealthStandInContextCustomizer(annotation.clientId(), annotation.clientSecret(),
				DurationStyle.detectAndParse(annotation.tokenLifetime()));
	}

}
