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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RestClientTokenClient}: token requests sent with the
 * {@link RestClient} a cache is given, within their time limit, against WireMock.
 */
class RestClientTokenClientTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private PatternHealthTokenCache cache;

	@AfterEach
	void closeCache() {
		if (this.cache != null) {
			this.cache.close();
		}
	}

	@Test
	void sendsTheTokenRequestWithTheGivenRestClient() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.cache = cache(RestClient.builder().defaultHeader("X-Sent-By", "the given client").build()).build();
		assertThat(this.cache.getAuthorizedClient().getAccessToken().getTokenValue()).isEqualTo("token-1");
		server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("X-Sent-By", equalTo("the given client")));
	}

	@Test
	void interruptsAnAttemptThatOutlivesItsTimeLimit() {
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch never = new CountDownLatch(1);
		RestClient hanging = RestClient.builder().requestInterceptor((request, body, execution) -> {
			try {
				never.await(30, TimeUnit.SECONDS);
				throw new IOException("No answer in 30 s");
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				throw new IOException("Interrupted");
			}
		}).build();
		this.cache = cache(hanging).timeout(Duration.ofMillis(200)).retry(1, Duration.ZERO, Duration.ZERO).build();
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(this.cache::getAuthorizedClient)
			.withMessage("Pattern Health's token endpoint at " + tokenUri() + " did not answer within 200 ms"
					+ " (1 attempt, client 'client-7'). Check patternhealth.base-url, or raise"
					+ " patternhealth.token.timeout.");
		await().atMost(Duration.ofSeconds(10)).untilTrue(interrupted);
	}

	@Test
	void readsABodyOfTheLargestSizeAndRefusesALargerOne() {
		String token = "{\"access_token\":\"token-1\",\"expires_in\":60000}";
		server.stubFor(tokenRequest().willReturn(okJson(padded(token, TokenResponseReader.MAX_BODY_SIZE))));
		this.cache = cache(RestClient.create()).build();
		assertThat(this.cache.getAuthorizedClient().getAccessToken().getTokenValue()).isEqualTo("token-1");
		this.cache.close();
		server.stubFor(tokenRequest().willReturn(okJson(padded(token, TokenResponseReader.MAX_BODY_SIZE + 1))));
		this.cache = cache(RestClient.create()).build();
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(this.cache::getAuthorizedClient)
			.withMessage("Pattern Health's token endpoint at " + tokenUri() + " answered HTTP 200 with a body larger"
					+ " than 64 KB instead of a token response (client 'client-7')."
					+ " Check patternhealth.base-url and patternhealth.token-path.");
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	private static String padded(String json, int length) {
		return json + " ".repeat(length - json.length());
	}

	private static PatternHealthTokenCacheBuilder cache(RestClient restClient) {
		return PatternHealthTokenCache.withCredentials(tokenUri(), "client-7", "secret").restClient(restClient);
	}

	private static URI tokenUri() {
		return URI.create(server.baseUrl() + TOKEN_PATH);
	}

}
