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

import java.util.concurrent.atomic.AtomicReference;

import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthNotConfiguredFailureAnalyzer}.
 */
class PatternHealthNotConfiguredFailureAnalyzerTests {

	private static final String REQUIRED = "Parameter 0 of method patternHealthUser in "
			+ PatternHealthClientUserConfiguration.class.getName()
			+ " required the Pattern Health client, which is not available: ";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class));

	@Test
	void namesThePropertiesToSetWhenNoneIsSet() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withUserConfiguration(PatternHealthClientUserConfiguration.class));
		assertThat(analysis.getDescription()).isEqualTo(REQUIRED + "no patternhealth.* property is set.");
		assertThat(analysis.getAction()).startsWith(
				"Set patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret, for example in application.yml:")
			.contains("      client-secret: <client secret>")
			.endsWith("PATTERNHEALTH_BASEURL, PATTERNHEALTH_CLIENTID and PATTERNHEALTH_CLIENTSECRET.");
	}

	@Test
	void saysThatTheClientIsTurnedOff() {
		FailureAnalysis analysis = analyze(this.contextRunner
			.withUserConfiguration(PatternHealthClientUserConfiguration.class)
			.withPropertyValues("patternhealth.enabled=false", "patternhealth.base-url=https://api.example.com"));
		assertThat(analysis.getDescription()).isEqualTo(REQUIRED + "patternhealth.enabled is false.");
		assertThat(analysis.getAction()).isEqualTo("Set patternhealth.enabled=true, or remove it.");
	}

	@Test
	void namesTheMissingLibrary() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withUserConfiguration(PatternHealthClientUserConfiguration.class)
					.withPropertyValues("patternhealth.base-url=https://api.example.com")
					.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client")));
		assertThat(analysis.getDescription()).isEqualTo(REQUIRED
				+ "org.springframework.security.oauth2.client.registration.ClientRegistration is not on the classpath.");
		assertThat(analysis.getAction()).isEqualTo("Depend on com.patternhealth:pattern-health-spring-boot-starter,"
				+ " which brings spring-boot-starter-webclient, spring-boot-starter-restclient and"
				+ " spring-security-oauth2-client.");
	}

	@Test
	void namesTheMissingLibraryOfTheConfigurationOfTheBean() {
		FailureAnalysis analysis = analyze(this.contextRunner.withUserConfiguration(RestClientUserConfiguration.class)
			.withPropertyValues("patternhealth.base-url=https://api.example.com", "patternhealth.client-id=client",
					"patternhealth.client-secret=secret")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.restclient")));
		assertThat(analysis.getDescription())
			.isEqualTo("Parameter 0 of method restClientUser in " + RestClientUserConfiguration.class.getName()
					+ " required the Pattern Health client, which is not available:"
					+ " org.springframework.boot.restclient.RestClientCustomizer is not on the classpath.");
		assertThat(analysis.getAction()).startsWith("Depend on com.patternhealth:pattern-health-spring-boot-starter");
	}

	@Test
	void saysThatTheAutoConfigurationIsExcluded() {
		FailureAnalysis analysis = analyze(new ApplicationContextRunner()
			.withUserConfiguration(ExcludingConfiguration.class, PatternHealthClientUserConfiguration.class)
			.withPropertyValues("patternhealth.base-url=https://api.example.com"));
		assertThat(analysis.getDescription()).isEqualTo(REQUIRED + "PatternHealthAutoConfiguration is excluded.");
		assertThat(analysis.getAction()).isEqualTo("Remove " + PatternHealthAutoConfiguration.class.getName()
				+ " from spring.autoconfigure.exclude and from the exclude attribute of @SpringBootApplication,"
				+ " @EnableAutoConfiguration or @ImportAutoConfiguration.");
	}

	@Test
	void explainsAnUnqualifiedReplacement() {
		FailureAnalysis analysis = analyze(this.contextRunner
			.withUserConfiguration(UnqualifiedReplacementConfiguration.class,
					PatternHealthClientUserConfiguration.class)
			.withPropertyValues("patternhealth.base-url=https://api.example.com", "patternhealth.client-id=client",
					"patternhealth.client-secret=secret"));
		assertThat(analysis.getDescription()).isEqualTo(REQUIRED
				+ "the application's bean named 'patternHealthWebClient' replaces it but is not annotated with @PatternHealth.");
		assertThat(analysis.getAction())
			.isEqualTo("Annotate the application's 'patternHealthWebClient' bean method with @PatternHealth.");
	}

	@Test
	void recognizesInjectionByTheBeanNameQualifier() {
		FailureAnalysis analysis = analyze(
				this.contextRunner.withUserConfiguration(NamedManagerUserConfiguration.class));
		assertThat(analysis.getDescription()).endsWith("no patternhealth.* property is set.");
	}

	@Test
	void leavesOtherMissingBeansToSpringBoot() {
		AtomicReference<ConfigurableApplicationContext> holder = new AtomicReference<>();
		this.contextRunner.withUserConfiguration(PlainWebClientUserConfiguration.class)
			.withConfiguration(AutoConfigurations.of(PatternHealthAutoConfiguration.class))
			.withInitializer(holder::set)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyzer(holder.get()).analyze(context.getStartupFailure())).isNull();
			});
	}

	@Test
	void saysThatTheAutoConfigurationIsExcludedByProperty() {
		FailureAnalysis analysis = analyze(new ApplicationContextRunner()
			.withUserConfiguration(ImportingConfiguration.class, PatternHealthClientUserConfiguration.class)
			.withPropertyValues("spring.autoconfigure.exclude=" + PatternHealthAutoConfiguration.class.getName(),
					"patternhealth.base-url=https://api.example.com"));
		assertThat(analysis.getDescription()).isEqualTo(REQUIRED + "PatternHealthAutoConfiguration is excluded.");
	}

	@Test
	void saysThatOnlyNamedClientsAreConfigured() {
		FailureAnalysis analysis = analyze(this.contextRunner
			.withUserConfiguration(PatternHealthClientUserConfiguration.class)
			.withPropertyValues("patternhealth.clients.acme.base-url=https://acme.example.com",
					"patternhealth.clients.acme.client-id=client", "patternhealth.clients.acme.client-secret=secret"));
		assertThat(analysis.getDescription())
			.isEqualTo(REQUIRED + "only named clients are configured under patternhealth.clients.");
		assertThat(analysis.getAction()).startsWith("Inject PatternHealthClients and take a named client from it");
	}

	@Test
	void leavesTheAnalysisToSpringBootWhenTheAutoConfigurationIsNotImported() {
		AtomicReference<ConfigurableApplicationContext> holder = new AtomicReference<>();
		new ApplicationContextRunner().withUserConfiguration(PatternHealthClientUserConfiguration.class)
			.withPropertyValues("patternhealth.base-url=https://api.example.com", "patternhealth.client-id=client",
					"patternhealth.client-secret=secret")
			.withInitializer(holder::set)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyzer(holder.get()).analyze(context.getStartupFailure())).isNull();
			});
	}

	private static FailureAnalysis analyze(ApplicationContextRunner runner) {
		AtomicReference<ConfigurableApplicationContext> holder = new AtomicReference<>();
		AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
		runner.withInitializer(holder::set).run((context) -> {
			assertThat(context).hasFailed();
			analysis.set(analyzer(holder.get()).analyze(context.getStartupFailure()));
		});
		assertThat(analysis.get()).isNotNull();
		return analysis.get();
	}

	/**
	 * Return the analyzer that Spring Boot would create for the given context, which
	 * failed.
	 */
	static PatternHealthNotConfiguredFailureAnalyzer analyzer(ConfigurableApplicationContext context) {
		return new PatternHealthNotConfiguredFailureAnalyzer(context.getBeanFactory(), context.getEnvironment());
	}

	@Configuration(proxyBeanMethods = false)
	static class PatternHealthClientUserConfiguration {

		@Bean
		String patternHealthUser(@PatternHealth WebClient patternHealth) {
			return "uses " + patternHealth;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RestClientUserConfiguration {

		@Bean
		String restClientUser(@PatternHealth RestClient patternHealth) {
			return "uses " + patternHealth;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(classes = { WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class },
			exclude = PatternHealthAutoConfiguration.class)
	static class ExcludingConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class })
	static class ImportingConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedManagerUserConfiguration {

		@Bean
		String managerUser(
				@Qualifier("patternHealthAuthorizedClientManager") ReactiveOAuth2AuthorizedClientManager manager) {
			return "uses " + manager;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainWebClientUserConfiguration {

		@Bean
		String plainUser(WebClient client) {
			return "uses " + client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnqualifiedReplacementConfiguration {

		@Bean
		WebClient patternHealthWebClient() {
			return WebClient.create("https://api.example.com");
		}

	}

}
