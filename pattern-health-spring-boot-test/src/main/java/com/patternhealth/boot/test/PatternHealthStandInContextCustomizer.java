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

import java.time.Duration;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link PatternHealthStandIn} for a test's application context. Equal settings
 * make equal customizers, so that contexts are cached as usual.
 *
 * @param clientId the client id the stand-in accepts
 * @param clientSecret the client secret the stand-in accepts
 * @param tokenLifetime the lifetime of the tokens it issues
 * @author Pattern Health Spring Boot authors
 */
record PatternHealthStandInContextCustomizer(String clientId, String clientSecret,
		Duration tokenLifetime) implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		PatternHealthStandIn standIn = PatternHealthStandIn.builder()
			.clientId(this.clientId)
			.clientSecret(this.clientSecret)
			.tokenLifetime(this.tokenLifetime)
			.start();
		StandInRegistration.register(context, standIn, standIn::close);
	}

}
