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

package com.patternhealth.boot.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchmarkApplication} and the {@link ClientSetup}s it starts.
 *
 * @author Pattern Health Spring Boot authors
 */
class BenchmarkApplicationTests {

	@Test
	void observesCallsOnlyWithActuator() {
		try (ConfigurableApplicationContext without = BenchmarkApplication.start(Map.of());
				ConfigurableApplicationContext with = BenchmarkApplication.start(Map.of(), true)) {
			assertThat(BenchmarkApplication.hasObservations(without)).isFalse();
			assertThat(BenchmarkApplication.hasObservations(with)).isTrue();
		}
	}

	@Test
	void leavesOutActuatorsAutoConfigurationsOnly() {
		assertThat(BenchmarkApplication.actuatorAutoConfigurations())
			.contains("org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
					"org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration")
			.doesNotContain("org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
			.noneMatch((name) -> name.startsWith("com.patternhealth"));
	}

	@Test
	void putsBothClientsOfASetupOnItsLibrary() {
		try (LoopbackPatternHealthServer server = new LoopbackPatternHealthServer();
				ConfigurableApplicationContext webClientOnJdk = ClientProbe.start(ClientSetup.of("webclient-jdk"),
						server);
				ConfigurableApplicationContext restClientOnReactor = ClientProbe
					.start(ClientSetup.of("restclient-reactor"), server)) {
			assertThat(webClientOnJdk.getBean(WebClient.Builder.class).build().mutate()).extracting("connector")
				.isInstanceOf(JdkClientHttpConnector.class);
			assertThat(webClientOnJdk.getBean("patternHealthWebClient", WebClient.class).mutate())
				.extracting("connector")
				.isInstanceOf(JdkClientHttpConnector.class);
			assertThat(restClientOnReactor.getBean(RestClient.Builder.class).build().mutate())
				.extracting("requestFactory")
				.isInstanceOf(ReactorClientHttpRequestFactory.class);
			assertThat(restClientOnReactor.getBean("patternHealthRestClient", RestClient.class).mutate())
				.extracting("requestFactory")
				.isInstanceOf(ReactorClientHttpRequestFactory.class);
			assertThat(restClientOnReactor.getBean(RestClient.Builder.class).build().mutate())
				.extracting("requestFactory")
				.isNotInstanceOf(JdkClientHttpRequestFactory.class);
		}
	}

}
