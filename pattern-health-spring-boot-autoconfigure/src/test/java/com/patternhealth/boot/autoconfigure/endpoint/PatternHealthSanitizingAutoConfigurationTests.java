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

import java.util.List;
import java.util.Map;

import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.autoconfigure.health.PatternHealthHealthContributorAutoConfiguration;
import com.patternhealth.boot.autoconfigure.metrics.PatternHealthMetricsAutoConfiguration;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Tests for {@link PatternHealthSanitizingAutoConfiguration}: client secrets masked in
 * the Actuator's {@code configprops} and {@code env} endpoints, read through the
 * endpoints themselves with {@code show-values=always}.
 */
class PatternHealthSanitizingAutoConfigurationTests {

	private static final String MASKED = SanitizableData.SANITIZED_VALUE;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class,
				PatternHealthSanitizingAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("patternhealth.base-url=https://patternhealth.example", "patternhealth.client-id=client-7",
				"patternhealth.client-secret=secret-7", "management.endpoints.web.exposure.include=configprops,env",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always");

	@Test
	void masksTheClientSecretInConfigpropsAndShowsTheRest() {
		this.contextRunner.run((context) -> {
			ConfigurationPropertiesBeanDescriptor patternHealth = configprops(context);
			assertThat(patternHealth.getProperties()).containsEntry("clientSecret", MASKED)
				.containsEntry("clientId", "client-7")
				.containsEntry("baseUrl", "https://patternhealth.example");
			assertThat(patternHealth.getInputs().get("clientSecret")).asInstanceOf(MAP).containsEntry("value", MASKED);
			assertThat(patternHealth.getInputs().get("clientId")).asInstanceOf(MAP).containsEntry("value", "client-7");
			assertThat(json(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()))
				.contains("client-7")
				.doesNotContain("secret-7");
		});
	}

	@Test
	void masksTheClientSecretInEnvAndShowsTheRest() {
		this.contextRunner.run((context) -> {
			assertThat(env(context, "patternhealth.client-secret")).isEqualTo(MASKED);
			assertThat(env(context, "patternhealth.client-id")).isEqualTo("client-7");
			assertThat(env(context, "patternhealth.base-url")).isEqualTo("https://patternhealth.example");
			assertThat(json(context.getBean(EnvironmentEndpoint.class).environment(null))).contains("client-7")
				.doesNotContain("secret-7");
		});
	}

	@Test
	void masksTheClientSecretsOfNamedClients() {
		this.contextRunner
			.withPropertyValues("patternhealth.clients.reports.base-url=https://reports.example",
					"patternhealth.clients.reports.client-id=reports-client",
					"patternhealth.clients.reports.client-secret=reports-secret")
			.run((context) -> {
				assertThat(env(context, "patternhealth.clients.reports.client-secret")).isEqualTo(MASKED);
				assertThat(env(context, "patternhealth.clients.reports.client-id")).isEqualTo("reports-client");
			});
	}

	@Test
	void masksAClientSecretSetAsAnEnvironmentVariable() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("environmentVariables",
						Map.of("PATTERNHEALTH_CLIENTSECRET", "environment-secret"))))
			.run((context) -> {
				assertThat(env(context, "PATTERNHEALTH_CLIENTSECRET")).isEqualTo(MASKED);
				assertThat(configprops(context).getProperties()).containsEntry("clientSecret", MASKED);
				assertThat(json(context.getBean(EnvironmentEndpoint.class).environment(null)))
					.doesNotContain("environment-secret");
			});
	}

	@Test
	void masksTheClientSecretWhenTheClientIsSwitchedOff() {
		this.contextRunner.withPropertyValues("patternhealth.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PatternHealthTokenCache.class);
			assertThat(env(context, "patternhealth.client-secret")).isEqualTo(MASKED);
		});
	}

	@Test
	void keepsTheSanitizingFunctionsOfTheApplication() {
		this.contextRunner.withPropertyValues("application.api-key=application-key")
			.withBean("applicationSanitizingFunction", SanitizingFunction.class,
					() -> (data) -> data.getKey().equals("application.api-key") ? data.withSanitizedValue() : data)
			.run((context) -> {
				assertThat(env(context, "application.api-key")).isEqualTo(MASKED);
				assertThat(env(context, "patternhealth.client-secret")).isEqualTo(MASKED);
			});
	}

	@Test
	void backsOffWithoutTheActuator() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					PatternHealthAutoConfiguration.class, PatternHealthSanitizingAutoConfiguration.class))
			.withPropertyValues("patternhealth.base-url=https://patternhealth.example",
					"patternhealth.client-id=client-7", "patternhealth.client-secret=secret-7")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PatternHealthTokenCache.class)
				.doesNotHaveBean(PatternHealthSanitizingAutoConfiguration.SANITIZING_FUNCTION_BEAN_NAME));
	}

	@Test
	void startsWithNoneOfTheObservabilityBeansWithoutTheActuatorOrMicrometer() {
		List<String> patternHealth = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((candidate) -> candidate.startsWith("com.patternhealth."))
			.toList();
		assertThat(patternHealth).contains(PatternHealthSanitizingAutoConfiguration.class.getName(),
				PatternHealthHealthContributorAutoConfiguration.class.getName(),
				PatternHealthMetricsAutoConfiguration.class.getName());
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(patternHealth.stream().map(this::load).toArray(Class[]::new)))
			.withPropertyValues("patternhealth.base-url=https://patternhealth.example",
					"patternhealth.client-id=client-7", "patternhealth.client-secret=secret-7")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
					"org.springframework.boot.health", "io.micrometer.core", "org.springframework.boot.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PatternHealthTokenCache.class)
				.doesNotHaveBean(PatternHealthHealthContributorAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME)
				.doesNotHaveBean(PatternHealthMetricsAutoConfiguration.TOKEN_METRICS_BEAN_NAME)
				.doesNotHaveBean(PatternHealthSanitizingAutoConfiguration.SANITIZING_FUNCTION_BEAN_NAME));
	}

	private Class<?> load(String className) {
		try {
			return Class.forName(className, false, getClass().getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ConfigurationPropertiesBeanDescriptor configprops(ApplicationContext context) {
		return context.getBean(ConfigurationPropertiesReportEndpoint.class)
			.configurationPropertiesWithPrefix("patternhealth")
			.getContexts()
			.values()
			.iterator()
			.next()
			.getBeans()
			.values()
			.stream()
			.filter((bean) -> bean.getPrefix().equals("patternhealth"))
			.findFirst()
			.orElseThrow();
	}

	private static Object env(ApplicationContext context, String name) {
		EnvironmentEndpoint.EnvironmentEntryDescriptor entry = context.getBean(EnvironmentEndpoint.class)
			.environmentEntry(name);
		assertThat(entry.getProperty()).as(name).isNotNull();
		return entry.getProperty().getValue();
	}

	private static String json(Object descriptor) {
		return JsonMapper.builder().build().writeValueAsString(descriptor);
	}

}
