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

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of {@link PatternHealthStandInInitializer}.
 */
class PatternHealthStandInInitializerTests {

	@Test
	void startsAStandInWhenNoBaseUrlIsSetAndStopsItWithTheContext() {
		AtomicReference<PatternHealthStandIn> prepared = new AtomicReference<>();
		PatternHealthStandIn standIn;
		try (ConfigurableApplicationContext context = run(new PatternHealthStandInInitializer((started) -> {
			started.seedExampleGroup();
			prepared.set(started);
		}), new StandardEnvironment())) {
			standIn = context.getBean("patternHealthStandIn", PatternHealthStandIn.class);
			assertThat(standIn).isSameAs(prepared.get());
			assertThat(standIn.isRunning()).isTrue();
			assertThat(context.getEnvironment().getProperty("patternhealth.base-url")).isEqualTo(standIn.baseUrl());
			assertThat(context.getEnvironment().getProperty("patternhealth.client-id")).isEqualTo(standIn.clientId());
			assertThat(context.getEnvironment().getProperty("patternhealth.client-secret"))
				.isEqualTo(standIn.clientSecret());
		}
		assertThat(standIn.isRunning()).isFalse();
	}

	@Test
	void startsNothingWhenTheBaseUrlIsSet() {
		try (ConfigurableApplicationContext context = run(new PatternHealthStandInInitializer(),
				new StandardEnvironment(), "--patternhealth.base-url=https://tenant.example.com")) {
			assertThat(context.containsBean("patternHealthStandIn")).isFalse();
			assertThat(context.getEnvironment().getProperty("patternhealth.base-url"))
				.isEqualTo("https://tenant.example.com");
		}
	}

	@Test
	void startsNothingWhenTheBaseUrlIsSetAsAnEnvironmentVariable() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("PATTERNHEALTH_BASEURL", "https://tenant.example.com")));
		try (ConfigurableApplicationContext context = run(new PatternHealthStandInInitializer(), environment)) {
			assertThat(context.containsBean("patternHealthStandIn")).isFalse();
		}
	}

	@Test
	void startsAStandInWhenTheBaseUrlIsBlank() {
		try (ConfigurableApplicationContext context = run(new PatternHealthStandInInitializer(),
				new StandardEnvironment(), "--patternhealth.base-url= ")) {
			assertThat(context.containsBean("patternHealthStandIn")).isTrue();
		}
	}

	@Test
	void stopsTheStandInWhenPreparingItFails() {
		AtomicReference<PatternHealthStandIn> started = new AtomicReference<>();
		assertThatIllegalStateException().isThrownBy(() -> run(new PatternHealthStandInInitializer((standIn) -> {
			started.set(standIn);
			throw new IllegalStateException("No seed");
		}), new StandardEnvironment())).withMessage("No seed");
		assertThat(started.get().isRunning()).isFalse();
	}

	private static ConfigurableApplicationContext run(PatternHealthStandInInitializer initializer,
			StandardEnvironment environment, String... args) {
		SpringApplication application = new SpringApplication(PlainConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment);
		application.addInitializers(initializer);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class PlainConfiguration {

	}

}
