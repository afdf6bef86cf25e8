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
import com.patternhealth.boot.client.PatternHealthClient;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Clients made at run time follow the rules of configured clients, replace themselves
 * when a secret rotates, and share the application's HTTP client library.
 */
class PatternHealthRunTimeClientsTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final ApplicationContextRunner application = PatternHealthTransport.REST_CLIENT
		.application(new ApplicationContextRunner())
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("spring.http.clients.reactive.connector=jdk",
				"patternhealth.clients.acme.base-url=" + server.baseUrl(), "patternhealth.clients.acme.client-id=acme",
				"patternhealth.clients.acme.client-secret=secret", "patternhealth.token.timeout=30s");

	@Test
	void refusesABaseUrlThatConfiguredClientsRefuseWithTheSameMessage() {
		this.application.run((context) -> {
			PatternHealthClients clients = context.getBean(PatternHealthClients.class);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> clients.forCredentials(URI.create("http://pattern.example.com"), "id", "secret"))
				.withMessage(
						"Cannot make a Pattern Health client for client 'id': base-url 'http://pattern.example.com'"
								+ " uses http on a host other than loopback, which would send the client secret in clear text;"
								+ " use https, or set patternhealth.allow-insecure-http=true");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> clients.forCredentials(URI.create("https://user:hunter2@pattern.example.com"), "id",
						"secret"))
				.withMessageContaining("base-url the URL carries user information")
				.withMessageNotContaining("hunter2");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> clients.forCredentials(URI.create("https://pattern.example.com"), "a:b", "secret"))
				.withMessageContaining("client-id contains ':'");
			assertThat(clients.getRunTimeClientCount()).isZero();
		});
	}

	@Test
	void replacesAClientWhoseSecretRotatedAndSendsTheNewToken() {
		server.stubFor(tokenRequest().withBasicAuth("beta", "old").willReturn(token("old-token", Duration.ofHours(1))));
		server.stubFor(tokenRequest().withBasicAuth("beta", "new").willReturn(token("new-token", Duration.ofHours(1))));
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		this.application.run((context) -> {
			PatternHealthClients clients = context.getBean(PatternHealthClients.class);
			URI host = URI.create(server.baseUrl());
			PatternHealthClient old = clients.forCredentials(host, "beta", "old");
			old.getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
			PatternHealthClient rotated = clients.forCredentials(host, "beta", "new");
			rotated.getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
			assertThat(clients.getRunTimeClientCount()).isOne();
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(() -> old.getTokenCache().getAuthorizedClient())
				.withMessageContaining("is closed");
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer old-token")));
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer new-token")));
			assertThat(tokenRequests(server)).isEqualTo(2);
		});
	}

	@Test
	void threeHundredClientsMadeAtRunTimeAddNoThreadEach() {
		server.stubFor(tokenRequest().willReturn(token("token", Duration.ofHours(1))));
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		this.application.run((context) -> {
			PatternHealthClients clients = context.getBean(PatternHealthClients.class);
			URI host = URI.create(server.baseUrl());
			// Warm up: the HTTP clients of the application and of the token requests
			call(clients.forCredentials(host, "warm-up", "secret"));
			int before = Thread.activeCount();
			for (int i = 0; i < 300; i++) {
				call(clients.forCredentials(host, "customer-" + i, "secret"));
			}
			int added = Thread.activeCount() - before;
			assertThat(clients.getRunTimeClientCount()).isEqualTo(301);
			assertThat(tokenRequests(server)).isEqualTo(301);
			assertThat(added).as("threads added by 300 clients on the JDK's HttpClient").isLessThanOrEqualTo(12);
		});
	}

	private static void call(PatternHealthClient client) {
		assertThat(client.getRestClient().get().uri(MEMBERS).retrieve().body(String.class)).isEqualTo("{}");
		assertThat(client.getWebClient()
			.get()
			.uri(MEMBERS)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30))).isEqualTo("{}");
	}

}
