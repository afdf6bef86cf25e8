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

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.autoconfigure.health.PatternHealthHealthContributorAutoConfiguration;
import com.patternhealth.boot.autoconfigure.metrics.PatternHealthMetricsAutoConfiguration;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.testfixtures.StandInServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, meters and observations tell the clients named in configuration apart, and give
 * every client made at run time one shared name.
 */
class PatternHealthClientsOperationsTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private ApplicationContextRunner application;

	@BeforeEach
	void configure() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		this.application = PatternHealthTransport.REST_CLIENT.application(new ApplicationContextRunner())
			.withConfiguration(AutoConfigurations.of(PatternHealthHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, PatternHealthMetricsAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class))
			.withBean(TestObservationRegistry.class, () -> this.observations)
			.withPropertyValues(named("acme"))
			.withPropertyValues(named("beta"));
	}

	@Test
	void showsEachNamedClientAsAHealthComponentOfItsOwn() {
		this.application.run((context) -> {
			context.getBean(PatternHealthClients.class)
				.get("acme")
				.getRestClient()
				.get()
				.uri(MEMBERS)
				.retrieve()
				.body(String.class);
			HealthEndpoint health = context.getBean(HealthEndpoint.class);
			assertThat(((IndicatedHealthDescriptor) health.healthForPath("patternhealthClients", "acme")).getStatus())
				.isEqualTo(Status.UP);
			assertThat(((IndicatedHealthDescriptor) health.healthForPath("patternhealthClients", "beta")).getStatus())
				.isEqualTo(Status.UNKNOWN);
			assertThat(health.healthForPath("patternhealth")).isNull();
		});
	}

	@Test
	void tagsTheMetersOfEachNamedClientWithItsName() {
		this.application.run((context) -> {
			context.getBean(PatternHealthClients.class)
				.get("acme")
				.getRestClient()
				.get()
				.uri(MEMBERS)
				.retrieve()
				.body(String.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("patternhealth.token.remaining").tag("client", "acme").gauge().value())
				.isGreaterThan(3000);
			assertThat(meters.get("patternhealth.token.remaining").tag("client", "beta").gauge().value()).isZero();
			assertThat(meters.get("patternhealth.token.calls")
				.tag("client", "acme")
				.tag("source", "token-endpoint")
				.functionCounter()
				.count()).isOne();
		});
	}

	@Test
	void namesTheClientInEachObservationAndEveryRunTimeClientAlike() {
		this.application.run((context) -> {
			PatternHealthClients clients = context.getBean(PatternHealthClients.class);
			clients.get("acme").getTokenCache().getAuthorizedClient();
			clients.forCredentials(URI.create(server.baseUrl()), "customer-1", "secret-1")
				.getTokenCache()
				.getAuthorizedClient();
			clients.forCredentials(URI.create(server.baseUrl()), "customer-2", "secret-2")
				.getTokenCache()
				.getAuthorizedClient();
			TestObservationRegistryAssert.assertThat(this.observations)
				.hasNumberOfObservationsWithNameEqualTo("patternhealth.token.requests", 3)
				.hasAnObservationWithAKeyValue("client", "acme")
				.hasAnObservationWithAKeyValue("client", PatternHealthClients.RUN_TIME);
		});
	}

	private static String[] named(String name) {
		String prefix = "patternhealth.clients." + name + ".";
		return new String[] { prefix + "base-url=" + server.baseUrl(), prefix + "client-id=" + name,
				prefix + "client-secret=" + name + "-secret" };
	}

}
