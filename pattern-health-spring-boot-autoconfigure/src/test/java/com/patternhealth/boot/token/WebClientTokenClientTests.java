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

package com.patternhealth.boot.token;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebClientTokenClient}: token requests sent with the {@link WebClient}
 * a cache is given, against WireMock.
 */
class WebClientTokenClientTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@Test
	void sendsTheTokenRequestWithAWebClientOfItsOwnWhereWebFluxIsPresent() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		try (PatternHealthTokenCache cache = PatternHealthTokenCache
			.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret")
			.build()) {
			assertThat(cache.authorize()).succeedsWithin(Duration.ofSeconds(30));
		}
		server.verify(1,
				postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("User-Agent", matching("ReactorNetty/.*")));
	}

	@Test
	void sendsTheTokenRequestWithTheGivenWebClient() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		WebClient given = WebClient.builder().defaultHeader("X-Sent-By", "the given client").build();
		try (PatternHealthTokenCache cache = PatternHealthTokenCache
			.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret")
			.webClient(given)
			.build()) {
			assertThat(cache.authorize()).succeedsWithin(Duration.ofSeconds(30))
				.satisfies((client) -> assertThat(client.getAccessToken().getTokenValue()).isEqualTo("token-1"));
		}
		server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("X-Sent-By", equalTo("the given client")));
	}

}
