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

package com.patternhealth.boot.metrics;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.MutableClock;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthTokenMetrics}, with time driven by a {@link MutableClock}
 * and the token endpoint stood in for by WireMock.
 */
class PatternHealthTokenMetricsTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private PatternHealthTokenCache tokenCache;

	@BeforeEach
	void bindMetrics() {
		this.tokenCache = PatternHealthTokenCache
			.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret-7")
			.restClient(RestClient.create())
			.clock(this.clock)
			.build();
		new PatternHealthTokenMetrics(this.tokenCache, this.clock).bindTo(this.registry);
	}

	@AfterEach
	void closeTokenCache() {
		this.tokenCache.close();
	}

	@Test
	void measuresNoLifetimeAndNoCallsBeforeTheFirstToken() {
		assertThat(remainingSeconds()).isZero();
		assertThat(calls("cache")).isZero();
		assertThat(calls("token-endpoint")).isZero();
	}

	@Test
	void measuresTheRemainingLifetimeOfTheCurrentToken() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.tokenCache.getAuthorizedClient();
		// Used until the expiry margin, 2% of its lifetime, before Pattern Health's
		// expiry
		assertThat(remainingSeconds()).isEqualTo(3528);
		this.clock.advance(Duration.ofMinutes(45).plusMillis(500));
		assertThat(remainingSeconds()).isEqualTo(827.5);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(remainingSeconds()).isZero();
	}

	@Test
	void countsCallsServedFromTheCacheApartFromCallsThatWaitedForTheTokenEndpoint() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		for (int i = 0; i < 5; i++) {
			this.tokenCache.getAuthorizedClient();
		}
		this.clock.advance(Duration.ofHours(2));
		this.tokenCache.getAuthorizedClient();
		assertThat(calls("token-endpoint")).isEqualTo(2);
		assertThat(calls("cache")).isEqualTo(4);
		assertThat(this.registry.get(PatternHealthTokenMetrics.CALLS).functionCounters()).hasSize(2);
	}

	@Test
	void describesTheMetersWithTheirUnits() {
		assertThat(this.registry.get(PatternHealthTokenMetrics.REMAINING).gauge().getId().getBaseUnit())
			.isEqualTo("seconds");
		assertThat(this.registry.get(PatternHealthTokenMetrics.CALLS)
			.tag("source", "cache")
			.functionCounter()
			.getId()
			.getDescription()).isNotBlank();
	}

	private double remainingSeconds() {
		return this.registry.get(PatternHealthTokenMetrics.REMAINING).gauge().value();
	}

	private double calls(String source) {
		return this.registry.get(PatternHealthTokenMetrics.CALLS).tag("source", source).functionCounter().count();
	}

}
