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

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthAutoConfiguration}.
 */
class PatternHealthAutoConfigurationTests {

	private static final String[] CONFIGURED = { "patternhealth.base-url=https://api.example.com",
			"patternhealth.client-id=client-7", "patternhealth.client-secret=secret-7" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class));

	@Test
	void contributesNothingWhenNoPatternHealthPropertyIsSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PatternHealthProperties.class);
			assertThat(context).doesNotHaveBean("patternHealthWebClient");
			assertThat(context).doesNotHaveBean("patternHealthAuthorizedClientManager");
		});
	}

	@Test
	void registersTheWebClientAndTheAuthorizedClientManager() {
		this.contextRunner.withPropertyValues(CONFIGURED).run((context) -> {
			assertThat(context).getBean("patternHealthWebClient").isInstanceOf(WebClient.class);
			assertThat(context).getBean("patternHealthAuthorizedClientManager")
				.isInstanceOf(PatternHealthAuthorizedClientManager.class);
		});
	}

	@Test
	void givesPlainWebClientInjectionThePatternHealthClientWhenTheApplicationHasNoneOfItsOwn() {
		this.contextRunner.withPropertyValues(CONFIGURED).withBean(PlainInjection.class).run((context) -> {
			assertThat(context.getBean(PlainInjection.class).webClient)
				.isSameAs(context.getBean("patternHealthWebClient"));
		});
	}

	@Test
	void keepsPlainWebClientInjectionForTheApplicationsOwnWebClient() {
		this.contextRunner.withPropertyValues(CONFIGURED)
			.withUserConfiguration(OwnWebClient.class)
			.withBean(PlainInjection.class)
			.withBean(QualifiedInjection.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PlainInjection.class).webClient)
					.isSameAs(context.getBean("applicationWebClient"));
				assertThat(context.getBean(QualifiedInjection.class).webClient)
					.isSameAs(context.getBean("patternHealthWebClient"));
				assertThat(context.getBean(QualifiedInjection.class).byName)
					.isSameAs(context.getBean("patternHealthWebClient"));
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAWebClientNamedPatternHealthWebClient() {
		WebClient own = WebClient.create("https://proxy.example.com");
		this.contextRunner.withPropertyValues(CONFIGURED)
			.withBean("patternHealthWebClient", WebClient.class, () -> own)
			.run((context) -> assertThat(context.getBean("patternHealthWebClient")).isSameAs(own));
	}

	@Test
	void backsOffWhenTheApplicationDefinesAManagerNamedPatternHealthAuthorizedClientManager() {
		ReactiveOAuth2AuthorizedClientManager own = (request) -> Mono.empty();
		this.contextRunner.withPropertyValues(CONFIGURED)
			.withBean("patternHealthAuthorizedClientManager", ReactiveOAuth2AuthorizedClientManager.class, () -> own)
			.run((context) -> assertThat(context.getBean("patternHealthAuthorizedClientManager")).isSameAs(own));
	}

	@Test
	void turnsOffWhenDisabled() {
		this.contextRunner.withPropertyValues(CONFIGURED)
			.withPropertyValues("patternhealth.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("patternHealthWebClient");
				assertThat(context).doesNotHaveBean("patternHealthAuthorizedClientManager");
			});
	}

	@Test
	void failsToStartNamingEachMissingProperty() {
		this.contextRunner.withPropertyValues("patternhealth.base-url=https://api.example.com").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidPatternHealthPropertiesException.class)
				.hasMessage("Pattern Health is not configured correctly: patternhealth.client-id is not set; set it"
						+ " to the client ID from the Pattern Health administrative console; patternhealth.client-secret"
						+ " is not set; set it to the client secret that belongs to the client ID");
		});
	}

	@Test
	void failsToStartWhenARequiredPropertyIsBlank() {
		this.contextRunner.withPropertyValues(CONFIGURED)
			.withPropertyValues("patternhealth.client-secret= ")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidPatternHealthPropertiesException.class)
				.satisfies((ex) -> assertThat(((InvalidPatternHealthPropertiesException) ex).getProblems())
					.extracting(InvalidPatternHealthPropertiesException.Problem::property)
					.containsExactly("patternhealth.client-secret")));
	}

	@Test
	void neverPutsTheSecretInTheStartupFailure() {
		this.contextRunner.withPropertyValues(CONFIGURED)
			.withPropertyValues("patternhealth.base-url=ftp://api.example.com")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(
						"patternhealth.base-url 'ftp://api.example.com' is not an absolute http or" + " https URL")
				.hasMessageNotContaining("secret-7"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWebClient {

		@Bean
		WebClient applicationWebClient() {
			return WebClient.create("https://elsewhere.example.com");
		}

	}

	static class PlainInjection {

		final WebClient webClient;

		PlainInjection(WebClient webClient) {
			this.webClient = webClient;
		}

	}

	static class QualifiedInjection {

		@Autowired
		@PatternHealth
		WebClient webClient;

		@Autowired
		@Qualifier("patternHealthWebClient")
		WebClient byName;

	}

}
