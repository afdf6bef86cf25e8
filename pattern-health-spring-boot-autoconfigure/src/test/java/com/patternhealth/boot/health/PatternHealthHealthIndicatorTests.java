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

package com.patternhealth.boot.health;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.MutableClock;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PatternHealthHealthIndicator}: every state of the token cache, with
 * time driven by a {@link MutableClock} and the token endpoint stood in for by WireMock,
 * which sees no request while health is read.
 */
class PatternHealthHealthIndicatorTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	/**
	 * When a token of one hour stops being used: the expiry margin, 2% of its lifetime,
	 * before Pattern Health's expiry.
	 */
	private static final String EXPIRES_AT = "2026-01-01T00:58:48Z";

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final MutableClock clock = new MutableClock(START);

	private PatternHealthTokenCache tokenCache;

	private PatternHealthHealthIndicator indicator;

	@BeforeEach
	void createIndicator() {
		this.tokenCache = PatternHealthTokenCache
			.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret-7")
			.restClient(RestClient.create())
			.retry(1, Duration.ofMillis(10), Duration.ofMillis(50))
			.clock(this.clock)
			.build();
		this.indicator = new PatternHealthHealthIndicator(this.tokenCache);
	}

	@AfterEach
	void closeTokenCache() {
		this.tokenCache.close();
	}

	@Test
	void reportsUnknownBeforeTheFirstTokenRequest() {
		Health health = readWithoutTokenRequests();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsExactly(entry("clientId", "client-7"), entry("state", "not-requested"));
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void reportsUpWithTheLifetimeOfTheTokenButNeverTheToken() {
		stubTokens(server, Duration.ofHours(1), "token-value-1");
		this.tokenCache.getAuthorizedClient();
		this.clock.advance(Duration.ofMinutes(10));
		Health health = readWithoutTokenRequests();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnly(entry("obtainedAt", "2026-01-01T00:00:00Z"),
				entry("expiresAt", EXPIRES_AT), entry("failedRefreshes", 0), entry("clientId", "client-7"),
				entry("state", "valid"));
		assertThat(health.toString()).doesNotContain("token-value-1", "secret-7");
	}

	@Test
	void reportsDownWithTheErrorAndTheClientIdWhenPatternHealthRejectsTheCredentials() {
		server.stubFor(tokenRequest().willReturn(jsonResponse("{\"error\":\"invalid_client\"}", 401)));
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(this.tokenCache::getAuthorizedClient);
		Health health = readWithoutTokenRequests();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsOnly(entry("error", "invalid_client"), entry("clientId", "client-7"),
				entry("state", "credentials-rejected"));
	}

	@Test
	void reportsDownWhileTheTokenEndpointFailsWithoutAValidToken() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(this.tokenCache::getAuthorizedClient);
		assertDownAfterOneFailedRequest(readWithoutTokenRequests(), "server_error");
	}

	@Test
	void reportsDownWithTheNextAttemptAfterARoundThatTimedOutAsAfterA429() {
		server.stubFor(tokenRequest().willReturn(token("token-value-1", Duration.ofHours(1)).withFixedDelay(3000)));
		try (PatternHealthTokenCache timingOut = PatternHealthTokenCache
			.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret-7")
			.restClient(RestClient.create())
			.timeout(Duration.ofMillis(500))
			.retry(1, Duration.ofMillis(10), Duration.ofMillis(50))
			.clock(this.clock)
			.build()) {
			this.indicator = new PatternHealthHealthIndicator(timingOut);
			assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(timingOut::getAuthorizedClient)
				.withMessageContaining("did not answer within 500 ms");
			// WireMock records a request once its delayed answer is sent
			await().atMost(Duration.ofSeconds(10)).until(() -> server.getAllServeEvents().size() == 1);
			String nextAttempt = assertDownAfterOneFailedRequest(readWithoutTokenRequests(),
					"token_endpoint_unavailable");
			// Calls fail at once until then, naming the same instant
			assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(timingOut::getAuthorizedClient)
				.withMessageContaining("No new token request before " + nextAttempt);
			assertThat(server.getAllServeEvents()).hasSize(1);
		}
	}

	@Test
	void staysUpWithTheCountOfFailedRefreshesWhileTheTokenIsValid() {
		stubFirstTokenThenUnavailable(Duration.ofHours(1));
		this.tokenCache.getAuthorizedClient();
		this.clock.advance(Duration.ofMinutes(55));
		this.tokenCache.getAuthorizedClient();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.tokenCache.getState().failedRequests() == 1);
		Health health = readWithoutTokenRequests();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("failedRefreshes", 1)
			.containsEntry("error", "server_error")
			.containsEntry("expiresAt", EXPIRES_AT)
			.containsEntry("state", "valid")
			.containsKey("nextAttempt");
	}

	@Test
	void staysUpAndSaysSoWhenTheTokenExpiredWhileNoCallNeededIt() {
		stubTokens(server, Duration.ofHours(1), "token-value-1");
		this.tokenCache.getAuthorizedClient();
		this.clock.advance(Duration.ofHours(2));
		Health health = readWithoutTokenRequests();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "expired").containsEntry("expiresAt", EXPIRES_AT);
	}

	/**
	 * Check that health is down after one failed token request with the given error, and
	 * return when the next attempt is allowed.
	 */
	private static String assertDownAfterOneFailedRequest(Health health, String error) {
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failedRequests", 1)
			.containsEntry("error", error)
			.containsEntry("clientId", "client-7")
			.containsEntry("state", "unavailable")
			.containsKey("nextAttempt")
			.doesNotContainKeys("obtainedAt", "expiresAt");
		String nextAttempt = (String) health.getDetails().get("nextAttempt");
		assertThat(Instant.parse(nextAttempt)).isAfter(START);
		return nextAttempt;
	}

	/**
	 * Read health a few times and check that the token endpoint saw nothing meanwhile.
	 */
	private Health readWithoutTokenRequests() {
		int before = server.getAllServeEvents().size();
		Health health = this.indicator.health();
		for (int i = 0; i < 3; i++) {
			assertThat(this.indicator.health()).isEqualTo(health);
		}
		assertThat(server.getAllServeEvents()).hasSize(before);
		return health;
	}

	private static void stubFirstTokenThenUnavailable(Duration lifetime) {
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("token-value-1", lifetime))
			.willSetStateTo("unavailable"));
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs("unavailable")
			.willReturn(aResponse().withStatus(503)));
	}

}
