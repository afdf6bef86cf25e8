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
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PatternHealthTokenCache#getCachedAuthorizedClient()}, the read of the
 * cached token on which the bearer filter and interceptor serve a call without waiting.
 */
class PatternHealthTokenCacheCachedClientTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final PatternHealthTokenCache cache = PatternHealthTokenCache
		.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret-7")
		.restClient(RestClient.create())
		.refreshAhead(0.5)
		.expiryMargin(0.1)
		.clock(this.clock)
		.build();

	@AfterEach
	void close() {
		this.cache.close();
	}

	@Test
	void startsNoTokenRequestWhenNoTokenIsCached() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		assertThat(this.cache.getCachedAuthorizedClient()).isNull();
		assertThat(tokenRequests(server)).isZero();
		assertThat(this.cache.getCachedCalls()).isZero();
	}

	@Test
	void servesTheCachedTokenAndCountsTheCall() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.cache.getAuthorizedClient();
		assertThat(this.cache.getCachedAuthorizedClient().getAccessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(this.cache.getCachedAuthorizedClient()).isSameAs(this.cache.getAuthorizedClient());
		assertThat(tokenRequests(server)).isOne();
		assertThat(this.cache.getCachedCalls()).isEqualTo(3);
	}

	@Test
	void startsTheRefreshInTheBackgroundWhenTheTokenIsDueForOne() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		this.cache.getAuthorizedClient();
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(this.cache.getCachedAuthorizedClient().getAccessToken().getTokenValue()).isEqualTo("token-1");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tokenRequests(server)).isEqualTo(2));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.cache.getCachedAuthorizedClient().getAccessToken().getTokenValue())
				.isEqualTo("token-2"));
	}

	@Test
	void servesNothingOnceTheTokenIsNoLongerToBeUsedOrTheCacheIsClosed() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.cache.getAuthorizedClient();
		this.clock.advance(Duration.ofMinutes(55));
		assertThat(this.cache.getCachedAuthorizedClient()).isNull();
		this.clock.advance(Duration.ofMinutes(-55));
		this.cache.close();
		assertThat(this.cache.getCachedAuthorizedClient()).isNull();
		assertThat(tokenRequests(server)).isOne();
	}

}
