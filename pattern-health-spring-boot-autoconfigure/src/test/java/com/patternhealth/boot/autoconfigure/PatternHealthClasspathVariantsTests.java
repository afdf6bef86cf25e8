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

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter backs off cleanly when a library it needs is missing, needs nothing that it
 * does not bring, and serves either HTTP stack alone.
 */
class PatternHealthClasspathVariantsTests {

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void configure() {
		HostFixtures.stub(this.server);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, PatternHealthAutoConfiguration.class))
			.withPropertyValues(HostFixtures.patternHealthProperties(this.server));
	}

	@Test
	void backsOffWithoutSpringSecurityOAuth2Client() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(PatternHealthProperties.class)
					.doesNotHaveBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
					.doesNotHaveBean(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME);
				assertThat(outcome(context)).contains("did not find required class")
					.contains("org.springframework.security.oauth2.client.registration.ClientRegistration");
			});
	}

	@Test
	void servesRestClientAndItsTokensWithoutWebFluxOrReactorNetty() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "reactor.netty",
					"org.springframework.boot.webclient"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
					.doesNotHaveBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
					.doesNotHaveBean(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME);
				assertThat(context.getBeanFactory()
					.getBeanDefinition(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
					.getFactoryBeanName())
					.isEqualTo(PatternHealthRestClientConfiguration.SingleClientConfiguration.class.getName());
				RestClient client = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
						RestClient.class);
				assertThat(client.get().uri(HostFixtures.MEMBERS_PATH).retrieve().body(String.class))
					.isEqualTo(HostFixtures.MEMBERS_BODY);
				this.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
				this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
						equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			});
	}

	@Test
	void servesWebClientWithoutSpringBootsRestClientSupport() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class))
			.withPropertyValues(HostFixtures.patternHealthProperties(this.server))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.restclient"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
					.doesNotHaveBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME);
				WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME,
						WebClient.class);
				assertThat(client.get()
					.uri(HostFixtures.MEMBERS_PATH)
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10))).isEqualTo(HostFixtures.MEMBERS_BODY);
				this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
						equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			});
	}

	@Test
	void backsOffBeforeValidatingProperties() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PatternHealthAutoConfiguration.class))
			.withPropertyValues("patternhealth.base-url=not a url")
			.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PatternHealthProperties.class));
	}

	@Test
	void worksWithoutSpringSecurityConfigurationOrBootsSecurityModules() {
		this.contextRunner
			.withClassLoader(
					new FilteredClassLoader("org.springframework.security.config", "org.springframework.boot.security"))
			.run((context) -> {
				WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME,
						WebClient.class);
				String body = client.get()
					.uri(HostFixtures.MEMBERS_PATH)
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10));
				assertThat(body).isEqualTo(HostFixtures.MEMBERS_BODY);
				this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
						equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			});
	}

	private static String outcome(AssertableApplicationContext context) {
		ConditionAndOutcomes outcomes = ConditionEvaluationReport.get(context.getBeanFactory())
			.getConditionAndOutcomesBySource()
			.get(PatternHealthAutoConfiguration.class.getName());
		assertThat(outcomes).isNotNull();
		assertThat(outcomes.isFullMatch()).isFalse();
		StringBuilder messages = new StringBuilder();
		outcomes.forEach((conditionAndOutcome) -> messages.append(conditionAndOutcome.getOutcome().getMessage()));
		return messages.toString();
	}

}
