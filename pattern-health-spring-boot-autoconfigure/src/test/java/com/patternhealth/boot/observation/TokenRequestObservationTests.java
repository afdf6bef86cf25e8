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

package com.patternhealth.boot.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthCredentialsRejectedException;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenException;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the {@code patternhealth.token.requests} observation that the auto-configured
 * token cache makes with the application's {@code ObservationRegistry}: one per token
 * acquisition, its retries as events, against a WireMock token endpoint.
 */
class TokenRequestObservationTests {

	private static final String NAME = DefaultTokenRequestObservationConvention.NAME;

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, () -> this.registry)
		.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
				"patternhealth.client-secret=secret-7", "patternhealth.token.timeout=30s",
				"patternhealth.token.retry.initial-backoff=10ms");

	TokenRequestObservationTests() {
		this.registry.observationConfig().observationHandler(new EventRecorder());
	}

	@Test
	void observesEachTokenAcquisitionOnceWithItsOutcomeTriggerAndEndpoint() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		this.contextRunner.run((context) -> {
			PatternHealthTokenCache tokenCache = tokenCache(context);
			OAuth2AccessToken first = null;
			for (int i = 0; i < 20; i++) {
				first = tokenCache.getAuthorizedClient().getAccessToken();
			}
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasBeenStarted()
				.hasBeenStopped()
				.doesNotHaveError()
				.hasContextualNameEqualTo("patternhealth token request")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasLowCardinalityKeyValue("trigger", "first-use")
				.hasHighCardinalityKeyValue("patternhealth.client-id", "client-7")
				.hasHighCardinalityKeyValue("patternhealth.token-uri", server.baseUrl() + TOKEN_PATH)
				.doesNotHaveEvent("retry");
			tokenCache.replaceRejected(first);
			tokenCache.getAuthorizedClient();
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, tokenRequests(server))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("trigger", "unauthorized")
					.hasLowCardinalityKeyValue("outcome", "success"));
			assertThat(tokenRequests(server)).isEqualTo(2);
		});
	}

	@Test
	void recordsTheErrorAndTheCredentialsRejectedOutcomeWhenPatternHealthRejectsTheCredentials() {
		server.stubFor(tokenRequest().willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 401)));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(tokenCache(context)::getAuthorizedClient);
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "credentials-rejected")
				.doesNotHaveEvent("retry")
				.assertThatError()
				.isInstanceOf(PatternHealthCredentialsRejectedException.class);
			assertThat(tokenRequests(server)).isOne();
		});
	}

	@Test
	void recordsARetryEventForEachAttemptThatFailedWithA503() {
		server.stubFor(tokenRequest().inScenario("attempts")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("second"));
		server.stubFor(tokenRequest().inScenario("attempts")
			.whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("third"));
		server.stubFor(tokenRequest().inScenario("attempts")
			.whenScenarioStateIs("third")
			.willReturn(token("token-1", Duration.ofHours(1))));
		this.contextRunner.run((context) -> {
			tokenCache(context).getAuthorizedClient();
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasEvent("retry")
				.hasLowCardinalityKeyValue("outcome", "success")
				.doesNotHaveError();
			assertThat(this.events).containsExactly("retry", "retry");
			assertThat(tokenRequests(server)).isEqualTo(3);
		});
	}

	@Test
	void recordsTheFailureOutcomeWhenEveryAttemptFailed() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		this.contextRunner.withPropertyValues("patternhealth.token.retry.max-attempts=2").run((context) -> {
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(tokenCache(context)::getAuthorizedClient);
			assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
				.hasObservationWithNameEqualTo(NAME)
				.that()
				.hasLowCardinalityKeyValue("outcome", "failure")
				.hasError();
			assertThat(this.events).containsExactly("retry");
			assertThat(tokenRequests(server)).isEqualTo(2);
		});
	}

	@Test
	void stopsTheObservationOfAnAcquisitionWhoseRetryIsScheduledWhenTheCacheCloses() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("patternhealth.token.retry.initial-backoff=30s",
					"patternhealth.token.retry.max-backoff=30s")
			.run((context) -> {
				PatternHealthTokenCache tokenCache = tokenCache(context);
				CompletableFuture<OAuth2AuthorizedClient> waiting = tokenCache.authorize();
				await().atMost(Duration.ofSeconds(10)).until(() -> this.events.contains("retry"));
				tokenCache.close();
				assertThat(waiting).failsWithin(Duration.ofSeconds(5))
					.withThrowableThat()
					.withCauseInstanceOf(PatternHealthTokenException.class)
					.withMessageContaining("is closed");
				assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
					.hasObservationWithNameEqualTo(NAME)
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("outcome", "failure")
					.assertThatError()
					.hasMessageContaining("is closed");
				assertThat(tokenRequests(server)).isOne();
			});
	}

	@Test
	void usesTheConventionTheApplicationDefines() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.contextRunner.withBean(TokenRequestObservationConvention.class, ApplicationConvention::new)
			.run((context) -> {
				tokenCache(context).getAuthorizedClient();
				assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("application.token.requests", 1)
					.hasObservationWithNameEqualTo("application.token.requests")
					.that()
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasLowCardinalityKeyValue("tenant", "a");
			});
	}

	private static PatternHealthTokenCache tokenCache(ApplicationContext context) {
		return context.getBean(PatternHealthTokenCache.class);
	}

	/**
	 * Records the events of token request observations, in order.
	 */
	private final class EventRecorder implements ObservationHandler<TokenRequestObservationContext> {

		@Override
		public void onEvent(Observation.Event event, TokenRequestObservationContext context) {
			TokenRequestObservationTests.this.events.add(event.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof TokenRequestObservationContext;
		}

	}

	static class ApplicationConvention extends DefaultTokenRequestObservationConvention {

		@Override
		public String getName() {
			return "application.token.requests";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(TokenRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("tenant", "a");
		}

	}

}
