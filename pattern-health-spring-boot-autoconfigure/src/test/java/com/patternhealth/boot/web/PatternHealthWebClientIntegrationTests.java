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

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the auto-configured {@code patternHealthWebClient} against a
 * WireMock stand-in for Pattern Health.
 */
class PatternHealthWebClientIntegrationTests {

	private static final String SECRET = "s3cr+t/=:%x";

	private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.server.start();
		this.server.stubFor(post("/api/auth/token")
			.willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":3600000,\"token_type\":\"bearer\"}")));
		this.server.stubFor(get("/api/v1/groups/g/members").willReturn(okJson("{\"results\":[]}")));
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class))
			.withPropertyValues("patternhealth.base-url=http://localhost:" + this.server.port(),
					"patternhealth.client-id=client", "patternhealth.client-secret=" + SECRET);
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void sendsTheTokenRequestAsPatternHealthDocumentsIt() {
		this.contextRunner.run((context) -> {
			WebClient client = context.getBean(WebClient.class);
			String body = client.get().uri("/api/v1/groups/g/members").retrieve().bodyToMono(String.class).block();
			assertThat(body).isEqualTo("{\"results\":[]}");
			this.server.verify(1,
					postRequestedFor(urlEqualTo("/api/auth/token"))
						.withHeader("Authorization",
								equalTo("Basic " + Base64.getEncoder()
									.encodeToString(("client:" + SECRET).getBytes(StandardCharsets.UTF_8))))
						.withHeader("Accept", equalTo("application/json"))
						.withRequestBody(equalTo("grant_type=client_credentials")));
			this.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/groups/g/members")).withHeader("Authorization",
					equalTo("Bearer token-1")));
		});
	}

}
