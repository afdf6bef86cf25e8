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

package com.patternhealth.boot.autoconfigure.health;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.health.PatternHealthHealthIndicator;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PatternHealthHealthContributorAutoConfiguration}: the
 * {@code patternhealth} component of Spring Boot's health endpoint, driven by a WireMock
 * token endpoint that sees no request while health is read.
 */
class PatternHealthHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class,
			PatternHealthHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
			HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
			ApplicationAvailabilityAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
			AvailabilityProbesAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues(properties());

	@Test
	void reportsUnknownBeforeTheFirstTokenRequest() {
		this.contextRunner.run((context) -> {
			IndicatedHealthDescriptor health = readWithoutTokenRequests(context);
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("clientId", "client-7")
				.containsEntry("state", "not-requested");
			assertThat(server.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void reportsUpWithTheLifetimeOfTheTokenButNeverTheTokenOrTheSecret() {
		stubTokens(server, Duration.ofHours(1), "token-value-1");
		this.contextRunner.run((context) -> {
			tokenCache(context).getAuthorizedClient();
			IndicatedHealthDescriptor health = readWithoutTokenRequests(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("obtainedAt", "expiresAt", "failedRefreshes", "clientId",
					"state");
			assertThat(health.getDetails()).containsEntry("failedRefreshes", 0).containsEntry("state", "valid");
			String json = JsonMapper.builder().build().writeValueAsString(health);
			assertThat(json).contains("\"status\":\"UP\"", "\"expiresAt\":")
				.doesNotContain("token-value-1", "secret-7");
		});
	}

	@Test
	void reportsDownWithTheErrorAndTheClientIdAfterPatternHealthRejectedTheCredentials() {
		server.stubFor(tokenRequest().willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 401)));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(tokenCache(context)::getAuthorizedClient);
			IndicatedHealthDescriptor health = readWithoutTokenRequests(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "invalid_client")
				.containsEntry("clientId", "client-7")
				.containsEntry("state", "credentials-rejected");
		});
	}

	@Test
	void staysUpWithTheCountOfFailedRefreshesWhileTheTokenIsValid() {
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("token-value-1", Duration.ofHours(1)))
			.willSetStateTo("unavailable"));
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs("unavailable")
			.willReturn(aResponse().withStatus(503)));
		// Refresh ahead 0.36 s after the token was obtained, once per token request
		this.contextRunner
			.withPropertyValues("patternhealth.token.refresh-ahead=0.9999", "patternhealth.token.retry.max-attempts=1")
			.run((context) -> {
				PatternHealthTokenCache tokenCache = tokenCache(context);
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
					tokenCache.getAuthorizedClient();
					assertThat(tokenCache.getState().failedRequests()).isPositive();
				});
				IndicatedHealthDescriptor health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat((int) health.getDetails().get("failedRefreshes")).isPositive();
				assertThat(health.getDetails()).containsEntry("error", "server_error")
					.containsEntry("state", "valid")
					.containsKey("nextAttempt");
			});
	}

	@Test
	void answersTheHealthEndpointOfAServletApplication() {
		server.stubFor(tokenRequest().willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 401)));
		new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(properties())
			.run((context) -> {
				assertThatExceptionOfType(PatternHealthTokenException.class)
					.isThrownBy(tokenCache(context)::getAuthorizedClient);
				WebEndpointResponse<HealthDescriptor> response = context.getBean(HealthEndpointWebExtension.class)
					.health(ApiVersion.V3, WebServerNamespace.SERVER, SecurityContext.NONE, "patternhealth");
				assertThat(response.getStatus()).isEqualTo(503);
				assertThat(response.getBody().getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void answersTheHealthEndpointOfAReactiveApplication() {
		stubTokens(server, Duration.ofHours(1), "token-value-1");
		new ReactiveWebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues(properties())
			.run((context) -> {
				tokenCache(context).getAuthorizedClient();
				WebEndpointResponse<? extends HealthDescriptor> response = context
					.getBean(ReactiveHealthEndpointWebExtension.class)
					.health(ApiVersion.V3, WebServerNamespace.SERVER, SecurityContext.NONE, "patternhealth")
					.block(Duration.ofSeconds(30));
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getBody()).isInstanceOfSatisfying(IndicatedHealthDescriptor.class,
						(health) -> assertThat(health.getDetails()).containsEntry("state", "valid"));
				assertThat(tokenRequests(server)).isOne();
			});
	}

	@Test
	void staysOutOfTheLivenessAndReadinessGroups() {
		this.contextRunner.run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("liveness").isMember("patternhealth")).isFalse();
			assertThat(groups.get("readiness").isMember("patternhealth")).isFalse();
			assertThat(groups.getPrimary().isMember("patternhealth")).isTrue();
		});
	}

	@Test
	void joinsTheReadinessGroupWhenTheApplicationIncludesIt() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState,patternhealth")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("readiness").isMember("patternhealth")).isTrue();
				assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			});
	}

	@Test
	void backsOffWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.patternhealth.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(PatternHealthHealthIndicator.class);
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("patternhealth")).isNull();
		});
	}

	@Test
	void backsOffWhenDefaultHealthIndicatorsAreSwitchedOff() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PatternHealthHealthIndicator.class));
	}

	@Test
	void backsOffWithoutATokenCache() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PatternHealthTokenCache.class)
				.doesNotHaveBean(PatternHealthHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					PatternHealthAutoConfiguration.class, PatternHealthHealthContributorAutoConfiguration.class))
			.withPropertyValues(properties())
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PatternHealthTokenCache.class)
				.doesNotHaveBean(PatternHealthHealthContributorAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME));
	}

	@Test
	void usesTheIndicatorTheApplicationDefines() {
		this.contextRunner
			.withBean(PatternHealthHealthContributorAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME, HealthIndicator.class,
					() -> () -> Health.outOfService().build())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PatternHealthHealthIndicator.class);
				assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	/**
	 * Read the component a few times and check that the token endpoint saw nothing
	 * meanwhile.
	 */
	private static IndicatedHealthDescriptor readWithoutTokenRequests(ApplicationContext context) {
		int before = server.getAllServeEvents().size();
		IndicatedHealthDescriptor health = health(context);
		for (int i = 0; i < 3; i++) {
			assertThat(health(context).getDetails()).isEqualTo(health.getDetails());
		}
		assertThat(server.getAllServeEvents()).hasSize(before);
		return health;
	}

	private static IndicatedHealthDescriptor health(ApplicationContext context) {
		HealthDescriptor health = context.getBean(HealthEndpoint.class).healthForPath("patternhealth");
		assertThat(health).isInstanceOf(IndicatedHealthDescriptor.class);
		return (IndicatedHealthDescriptor) health;
	}

	private static PatternHealthTokenCache tokenCache(ApplicationContext context) {
		return context.getBean(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME, PatternHealthTokenCache.class);
	}

	private static String[] properties() {
		return new String[] { "patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
				"patternhealth.client-secret=secret-7", "patternhealth.token.timeout=30s",
				"management.endpoint.health.show-details=always" };
	}

}
