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
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link PatternHealthStandInContextCustomizerFactory} and
 * {@link PatternHealthStandInContextCustomizer}.
 */
class PatternHealthStandInContextCustomizerFactoryTests {

	private final PatternHealthStandInContextCustomizerFactory factory = new PatternHealthStandInContextCustomizerFactory();

	@Test
	void customizesOnlyAnnotatedTests() {
		assertThat(this.factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(new PatternHealthStandInContextCustomizer(PatternHealthStandIn.DEFAULT_CLIENT_ID,
					PatternHealthStandIn.DEFAULT_CLIENT_SECRET, Duration.ofHours(1)));
	}

	@Test
	void readsTheSettingsOfTheAnnotation() {
		assertThat(this.factory.createContextCustomizer(Configured.class, List.of()))
			.isEqualTo(new PatternHealthStandInContextCustomizer("id", "secret", Duration.ofMillis(3600000)));
	}

	@Test
	void makesEqualCustomizersForEqualSettingsSoThatContextsAreCached() {
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(AlsoAnnotated.class, List.of()))
			.isNotEqualTo(this.factory.createContextCustomizer(Configured.class, List.of()));
	}

	@Test
	void startsTheStandInWithTheContextAndStopsItWhenTheContextCloses() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Configured.class, List.of());
		PatternHealthStandIn standIn;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, null);
			context.refresh();
			standIn = context.getBean(PatternHealthStandIn.class);
			assertThat(standIn.isRunning()).isTrue();
			assertThat(standIn.clientId()).isEqualTo("id");
			assertThat(standIn.clientSecret()).isEqualTo("secret");
			assertThat(standIn.tokenLifetime()).isEqualTo(Duration.ofHours(1));
			assertThat(context.getEnvironment().getProperty("patternhealth.base-url")).isEqualTo(standIn.baseUrl());
		}
		assertThat(standIn.isRunning()).isFalse();
	}

	static class NotAnnotated {

	}

	@AutoConfigurePatternHealthStandIn
	static class Annotated {

	}

	@AutoConfigurePatternHealthStandIn
	static class AlsoAnnotated {

	}

	@AutoConfigurePatternHealthStandIn(clientId = "id", clientSecret = "secret", tokenLifetime = "3600000ms")
	static class Configured {

	}

}
