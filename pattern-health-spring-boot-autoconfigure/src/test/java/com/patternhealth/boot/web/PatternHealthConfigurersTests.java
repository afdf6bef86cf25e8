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

package com.patternhealth.boot.web;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PatternHealthRestClientConfigurer} and
 * {@link PatternHealthWebClientConfigurer}: the clients they configure send the token,
 * and send a request again only when they are given a retry policy.
 */
class PatternHealthConfigurersTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static WireMockExtension patternHealth = StandInServer.create();

	private final URI baseUrl = URI.create(patternHealth.baseUrl());

	private final PatternHealthTokenCache tokenCache = PatternHealthTokenCache
		.withCredentials(URI.create(this.baseUrl + TOKEN_PATH), "client-7", "secret")
		.restClient(RestClient.create())
		.build();

	private final PatternHealthRetryPolicy retryPolicy = new PatternHealthRetryPolicy(2, Duration.ofMillis(10),
			Duration.ofMillis(20), Duration.ofSeconds(1));

	@AfterEach
	void closeTokenCache() {
		this.tokenCache.close();
	}

	@Test
	void configuresARestClientThatSendsTheTokenAndSendsA503Again() {
		stubRecovering();
		assertThat(restClient(this.retryPolicy).get().uri(MEMBERS).retrieve().body(String.class)).isEqualTo("members");
		patternHealth.verify(2,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	@Test
	void configuresARestClientThatSendsNothingAgainWithoutARetryPolicy() {
		stubRecovering();
		assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
			.isThrownBy(() -> restClient(null).get().uri(MEMBERS).retrieve().body(String.class));
		patternHealth.verify(1,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	@Test
	void configuresAWebClientThatSendsTheTokenAndSendsA503Again() {
		stubRecovering();
		assertThat(webClient(this.retryPolicy).get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(TIMEOUT))
			.isEqualTo("members");
		patternHealth.verify(2,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	@Test
	void configuresAWebClientThatSendsNothingAgainWithoutARetryPolicy() {
		stubRecovering();
		assertThatExceptionOfType(WebClientResponseException.ServiceUnavailable.class)
			.isThrownBy(() -> webClient(null).get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(TIMEOUT));
		patternHealth.verify(1,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	private void stubRecovering() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).inScenario("503")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		patternHealth
			.stubFor(get(MEMBERS).inScenario("503").whenScenarioStateIs("recovered").willReturn(ok("members")));
	}

	private RestClient restClient(@Nullable PatternHealthRetryPolicy retryPolicy) {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(TIMEOUT);
		return new PatternHealthRestClientConfigurer(this.tokenCache, this.baseUrl, retryPolicy)
			.configure(RestClient.builder().baseUrl(this.baseUrl.toString()), requestFactory)
			.build();
	}

	private WebClient webClient(@Nullable PatternHealthRetryPolicy retryPolicy) {
		return new PatternHealthWebClientConfigurer(new PatternHealthAuthorizedClientManager(this.tokenCache),
				this.baseUrl, retryPolicy)
			.configure(WebClient.builder().baseUrl(this.baseUrl.toString()))
			.build();
	}

}
