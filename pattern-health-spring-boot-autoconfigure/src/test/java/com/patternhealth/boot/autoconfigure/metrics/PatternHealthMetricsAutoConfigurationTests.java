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

package com.patternhealth.boot.autoconfigure.metrics;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.metrics.PatternHealthTokenMetrics;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
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
 * Tests for {@link PatternHealthMetricsAutoConfiguration}, and for the timers that Spring
 * Boot's observation and metrics support make of token requests, against a WireMock token
 * endpoint.
 */
class PatternHealthMetricsAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private static final AutoConfigurations METRICS = AutoConfigurations.of(ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
						PatternHealthAutoConfiguration.class, PatternHealthMetricsAutoConfiguration.class))
		.withConfiguration(METRICS)
		.withPropertyValues(properties());

	@Test
	void bindsTheRemainingLifetimeAndTheCallsOfTheTokenCache() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry).isInstanceOf(SimpleMeterRegistry.class);
			assertThat(registry.get("patternhealth.token.remaining").gauge().value()).isZero();
			for (int i = 0; i < 3; i++) {
				tokenCache(context).getAuthorizedClient();
			}
			assertThat(registry.get("patternhealth.token.remaining").gauge().value()).isBetween(3000.0, 3600.0);
			assertThat(registry.get("patternhealth.token.calls").tag("source", "cache").functionCounter().count())
				.isEqualTo(2);
			assertThat(
					registry.get("patternhealth.token.calls").tag("source", "token-endpoint").functionCounter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void timesEachTokenAcquisitionWithItsOutcomeAndTrigger() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.contextRunner.run((context) -> {
			tokenCache(context).getAuthorizedClient();
			tokenCache(context).getAuthorizedClient();
			Timer timer = context.getBean(MeterRegistry.class)
				.get("patternhealth.token.requests")
				.tag("outcome", "success")
				.tag("trigger", "first-use")
				.timer();
			assertThat(timer.count()).isOne();
			assertThat(context.getBean(MeterRegistry.class).get("patternhealth.token.requests").timers()).hasSize(1);
		});
	}

	@Test
	void timesRejectedCredentialsApart() {
		server.stubFor(tokenRequest().willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 401)));
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(tokenCache(context)::getAuthorizedClient);
			assertThat(context.getBean(MeterRegistry.class)
				.get("patternhealth.token.requests")
				.tag("outcome", "credentials-rejected")
				.timer()
				.count()).isOne();
		});
	}

	@Test
	void timesARoundThatTimedOutOnceAsAFailureWhileCallsFailAtOnce() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(3000)));
		this.contextRunner
			.withPropertyValues("patternhealth.token.timeout=500ms", "patternhealth.token.retry.max-attempts=1",
					"patternhealth.token.retry.round-backoff=1m", "patternhealth.token.retry.max-round-backoff=1m")
			.run((context) -> {
				for (int i = 0; i < 3; i++) {
					assertThatExceptionOfType(PatternHealthTokenException.class)
						.isThrownBy(tokenCache(context)::getAuthorizedClient);
				}
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("patternhealth.token.requests").tag("outcome", "failure").timer().count())
					.isOne();
				assertThat(registry.get("patternhealth.token.requests").timers()).hasSize(1);
				assertThat(registry.get("patternhealth.token.remaining").gauge().value()).isZero();
				// One attempt, timed as an HTTP client request: WireMock may not record a
				// request whose client hung up before the delayed answer
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(registry.get("http.client.requests").timer().count()).isOne());
			});
	}

	@Test
	void timesEveryAttemptOfAWebClientTokenRequestAsAnHttpClientRequest() {
		stubUnavailableTwiceThenAToken();
		this.contextRunner.run((context) -> {
			tokenCache(context).getAuthorizedClient();
			assertAttemptsTimedAsHttpClientRequests(context);
		});
	}

	@Test
	void timesEveryAttemptOfARestClientTokenRequestAsAnHttpClientRequest() {
		stubUnavailableTwiceThenAToken();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class, PatternHealthAutoConfiguration.class,
					PatternHealthMetricsAutoConfiguration.class))
			.withConfiguration(METRICS)
			.withPropertyValues(properties())
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive", "reactor.netty",
					"org.springframework.boot.webclient"))
			.run((context) -> {
				tokenCache(context).getAuthorizedClient();
				assertAttemptsTimedAsHttpClientRequests(context);
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					PatternHealthAutoConfiguration.class, PatternHealthMetricsAutoConfiguration.class))
			.withPropertyValues(properties())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PatternHealthTokenCache.class)
				.doesNotHaveBean(PatternHealthTokenMetrics.class));
	}

	@Test
	void backsOffWithoutATokenCache() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					PatternHealthAutoConfiguration.class, PatternHealthMetricsAutoConfiguration.class))
			.withConfiguration(METRICS)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(PatternHealthTokenMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometerMetrics() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					PatternHealthAutoConfiguration.class, PatternHealthMetricsAutoConfiguration.class))
			.withPropertyValues(properties())
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PatternHealthTokenCache.class)
				.doesNotHaveBean(PatternHealthMetricsAutoConfiguration.TOKEN_METRICS_BEAN_NAME));
	}

	@Test
	void usesTheMetricsTheApplicationDefines() {
		this.contextRunner
			.withBean(PatternHealthMetricsAutoConfiguration.TOKEN_METRICS_BEAN_NAME, MeterBinder.class,
					() -> (registry) -> registry.gauge("application.gauge", 1))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PatternHealthTokenMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("application.gauge").gauge()).isNotNull();
				assertThat(registry.find("patternhealth.token.remaining").gauge()).isNull();
			});
	}

	/**
	 * One token acquisition, one timer; three attempts, three HTTP client requests.
	 */
	private static void assertAttemptsTimedAsHttpClientRequests(ApplicationContext context) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(tokenRequests(server)).isEqualTo(3);
		assertThat(registry.get("patternhealth.token.requests").tag("outcome", "success").timer().count()).isOne();
		assertThat(registry.get("http.client.requests").tag("status", "503").timer().count()).isEqualTo(2);
		assertThat(registry.get("http.client.requests").tag("status", "200").timer().count()).isOne();
	}

	private static void stubUnavailableTwiceThenAToken() {
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
	}

	private static PatternHealthTokenCache tokenCache(ApplicationContext context) {
		return context.getBean(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME, PatternHealthTokenCache.class);
	}

	private static String[] properties() {
		return new String[] { "patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
				"patternhealth.client-secret=secret-7", "patternhealth.token.timeout=30s",
				"patternhealth.token.retry.initial-backoff=10ms" };
	}

}
