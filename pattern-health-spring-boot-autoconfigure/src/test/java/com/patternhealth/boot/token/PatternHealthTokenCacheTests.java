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
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PatternHealthTokenCache} against a WireMock token endpoint, with time
 * driven by a {@link MutableClock}, once for reactive callers with tokens requested by a
 * {@code WebClient} and once for blocking callers with tokens requested by a
 * {@code RestClient}.
 */
@ExtendWith(OutputCaptureExtension.class)
@ParameterizedClass
@EnumSource(TokenCacheCaller.class)
class PatternHealthTokenCacheTests {

	private static final String CLIENT_ID = "client-7";

	private static final String SECRET = "s3cr+t/=:%x";

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@Parameter
	TokenCacheCaller caller;

	private final List<PatternHealthTokenCache> caches = new ArrayList<>();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void sendsTheTokenRequestExactlyAsPatternHealthDocumentsIt() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		authorize(caller(manager().build()));
		server.verify(1,
				postRequestedFor(urlEqualTo(TOKEN_PATH))
					.withHeader("Authorization", equalTo("Basic " + base64(CLIENT_ID + ":" + SECRET)))
					.withHeader("Accept", equalTo("application/json"))
					.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
					.withRequestBody(equalTo("grant_type=client_credentials")));
	}

	@Test
	void formEncodesTheCredentialsOnlyWhenAsked() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		authorize(caller(manager().encodeCredentials(true).build()));
		server.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization",
				equalTo("Basic " + base64(CLIENT_ID + ":s3cr%2Bt%2F%3D%3A%25x"))));
	}

	@Test
	void readsExpiresInAsMillisecondsFromTheTimeTheTokenWasRequested() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		OAuth2AccessToken token = authorize(caller(manager().build()));
		assertThat(token.getIssuedAt()).isEqualTo(this.clock.instant());
		assertThat(token.getExpiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofHours(1)));
	}

	@Test
	void reusesOneTokenAcrossManyCalls() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		for (int i = 0; i < 100; i++) {
			assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
			this.clock.advance(Duration.ofSeconds(30));
		}
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void servesOneTokenWhoeverTheCurrentUserIs() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		OAuth2AuthorizedClient alice = manager.authorize(request("alice")).block();
		OAuth2AuthorizedClient bob = manager.authorize(request("bob")).block();
		assertThat(alice.getAccessToken()).isSameAs(bob.getAccessToken());
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void obtainsAFreshTokenOnceTheLifetimeHasPassed() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		this.clock.advance(Duration.ofHours(1));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void reusesAThreeSecondTokenWithinItsFirstSecond() {
		stubTokens(server, Duration.ofSeconds(3), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		for (int i = 0; i <= 10; i++) {
			assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void neverMakesSteadyTrafficWaitAndRequestsOneTokenPerRefreshCycle() {
		server.stubFor(tokenRequest().willReturn(token("token", Duration.ofHours(1)).withFixedDelay(200)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		authorize(manager);
		for (int call = 1; call < 3 * 360; call++) {
			this.clock.advance(Duration.ofSeconds(10));
			OAuth2AccessToken used = answeredAtOnce(manager);
			if (Duration.between(this.clock.instant(), used.getExpiresAt()).compareTo(Duration.ofMinutes(6)) <= 0) {
				// A refresh runs: keep calling, with the clock held, until its token
				// arrives
				await().until(() -> answeredAtOnce(manager).getExpiresAt().isAfter(used.getExpiresAt()));
			}
		}
		// One-hour tokens refreshed when 10% of their lifetime remains: at 0, 54, 108
		// and 162 minutes of three hours
		assertThat(tokenRequests(server)).isEqualTo(4);
	}

	/**
	 * Call the manager and check that it answered without waiting for the token endpoint.
	 */
	private OAuth2AccessToken answeredAtOnce(TokenCacheCaller.Caller manager) {
		CompletableFuture<OAuth2AuthorizedClient> call = manager.authorizeAtOnce(request("app"));
		assertThat(call).isCompletedWithValueMatching((client) -> client.getAccessToken() != null);
		return call.join().getAccessToken();
	}

	@Test
	void sharesOneTokenRequestAcrossConcurrentCalls() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(300)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		List<String> tokens = manager.concurrently(500)
			.stream()
			.map((client) -> ((OAuth2AuthorizedClient) client).getAccessToken().getTokenValue())
			.toList();
		assertThat(tokens).hasSize(500).containsOnly("token-1");
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void refreshesAheadOfExpiryWhileCallsKeepUsingTheCurrentToken() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		authorize(manager);
		this.clock.advance(Duration.ofMinutes(55));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		await().untilAsserted(() -> assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2"));
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void waitsForANewTokenOnlyInsideTheExpiryMargin() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		authorize(manager);
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
	}

	@Test
	void keepsTheCurrentTokenWhenARefreshFailsAndTriesAgainLater(CapturedOutput output) {
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("token-1", Duration.ofHours(1)))
			.willSetStateTo("down"));
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs("down")
			.willReturn(aResponse().withStatus(503)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		authorize(manager);
		this.clock.advance(Duration.ofMinutes(55));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		// The backoff is jittered: between half and the whole of the 10 ms initial
		// backoff
		await().untilAsserted(() -> assertThat(output).containsPattern("Could not refresh the Pattern Health access"
				+ " token; the current one stays in use for 3 minutes and a new attempt starts after ([5-9]|10) ms\\."
				+ " Pattern Health's token endpoint at " + tokenUri() + " answered HTTP 503 \\(client 'client-7'\\)\\."
				+ " The request may succeed later\\."));
		assertThat(tokenRequests(server)).isEqualTo(1 + 3);
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isEqualTo(1 + 3);
		server.stubFor(tokenRequest().inScenario("refresh")
			.whenScenarioStateIs("up")
			.willReturn(token("token-2", Duration.ofHours(1))));
		server.setScenarioState("refresh", "up");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		await().untilAsserted(() -> assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2"));
		assertThat(output).doesNotContain(SECRET).doesNotContain("token-1").doesNotContain("token-2");
	}

	@Test
	void retriesTransientFailuresOfTheTokenEndpoint() {
		server.stubFor(tokenRequest().inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("second"));
		server.stubFor(tokenRequest().inScenario("flaky")
			.whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		server.stubFor(tokenRequest().inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(token("token-1", Duration.ofHours(1))));
		assertThat(authorize(caller(manager().build())).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isEqualTo(3);
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(502)));
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> authorize(caller(manager().build())))
			.withMessage("Pattern Health's token endpoint at " + tokenUri()
					+ " answered HTTP 502 (client 'client-7'). The request may succeed later.");
		assertThat(tokenRequests(server)).isEqualTo(3);
	}

	@Test
	void failsAHungTokenRequestWithinTheTimeout() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(2000)));
		TokenCacheCaller.Caller manager = caller(manager().timeout(Duration.ofMillis(100))
			.retry(2, Duration.ofMillis(10), Duration.ofMillis(50))
			.build());
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(() -> authorize(manager))
			.withMessage("Pattern Health's token endpoint at " + tokenUri() + " did not answer within 100 ms"
					+ " (2 attempts, client 'client-7'). Check patternhealth.base-url, or raise"
					+ " patternhealth.token.timeout.");
	}

	@Test
	void reportsAnUnreachableTokenEndpoint() throws IOException {
		URI closed = URI.create("http://localhost:" + freePort() + TOKEN_PATH);
		TokenCacheCaller.Caller manager = caller(
				this.caller.transport(PatternHealthTokenCache.withCredentials(closed, CLIENT_ID, SECRET))
					.retry(2, Duration.ofMillis(10), Duration.ofMillis(50))
					.clock(this.clock)
					.build());
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(() -> authorize(manager))
			.withMessageStartingWith("Could not reach Pattern Health's token endpoint at " + closed
					+ " (2 attempts, client 'client-7'): ")
			.withMessageContaining("Connection refused")
			.withMessageEndingWith(". Check patternhealth.base-url and the network.")
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isNull());
	}

	@Test
	void failsAtOnceWhenTheCredentialsAreRejected() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}")));
		assertThatExceptionOfType(PatternHealthCredentialsRejectedException.class)
			.isThrownBy(() -> authorize(caller(manager().build())))
			.withMessage("Pattern Health rejected the credentials of client 'client-7' at " + tokenUri()
					+ " (HTTP 401, error 'invalid_client': Bad client credentials). Check patternhealth.client-id and"
					+ " patternhealth.client-secret.")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void protectsTheTokenEndpointFromAStampedeOfRejectedCallsAndRecoversWithinSeconds() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(401)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		for (int wave = 0; wave < 5; wave++) {
			assertThat(concurrentFailures(manager, 200)).hasSize(200)
				.allMatch(PatternHealthCredentialsRejectedException.class::isInstance);
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(tokenRequests(server)).isOne();
		this.clock.advance(Duration.ofMillis(500));
		concurrentFailures(manager, 200);
		assertThat(tokenRequests(server)).isEqualTo(2);
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1))));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isEqualTo(3);
	}

	@Test
	void failsWaitingCallsOnAMalformedAnswerAndRecoversOnTheNextCall() {
		server.stubFor(tokenRequest().inScenario("malformed")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/html")
				.withBody("<html/>")
				.withFixedDelay(300))
			.willSetStateTo("fixed"));
		server.stubFor(tokenRequest().inScenario("malformed")
			.whenScenarioStateIs("fixed")
			.willReturn(token("token-1", Duration.ofHours(1))));
		TokenCacheCaller.Caller manager = caller(manager().build());
		assertThat(concurrentFailures(manager, 50)).hasSize(50)
			.allSatisfy((ex) -> assertThat(ex).hasMessageContaining("answered HTTP 200 with a text/html body"));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void dropsTheTokenThatWasRejectedButNeverANewerOne() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2", "token-3");
		TokenCacheCaller.Caller manager = caller(manager().build());
		OAuth2AuthorizedClient first = manager.authorize(request("app")).block();
		reject(manager, first);
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
		reject(manager, first);
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void handsOutAuthorizedClientsWithoutTheSecret() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		OAuth2AuthorizedClient client = caller(manager().build()).authorize(request("app")).block();
		assertThat(client.getClientRegistration().getClientSecret()).isEmpty();
		assertThat(client.getClientRegistration().toString()).doesNotContain(SECRET);
		assertThat(client.getClientRegistration().getClientId()).isEqualTo(CLIENT_ID);
		assertThat(client.getPrincipalName()).isEqualTo(CLIENT_ID);
	}

	@Test
	void waitsOutARetryAfterLongerThanTheLongestBackoffAcrossCalls() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		TokenCacheCaller.Caller manager = caller(manager().build());
		assertThat(failure(manager)).isInstanceOf(PatternHealthTokenException.class)
			.hasMessageContaining("answered HTTP 429");
		// A call every 100 ms for 2.5 s: each fails at once, naming the 429 and the wait
		for (int call = 1; call < 25; call++) {
			this.clock.advance(Duration.ofMillis(100));
			assertThat(manager.cache.acquire()).isCompletedExceptionally();
			assertThat(failure(manager)).hasMessageContaining("answered HTTP 429")
				.hasMessageContaining("No new token request before 2026-01-01T00:00:30Z");
		}
		assertThat(tokenRequests(server)).isOne();
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1))));
		this.clock.advance(Duration.ofMillis(27600));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void backsOffAcrossCallsAfterARoundOfTransientFailures() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		assertThat(failure(manager)).hasMessageContaining("answered HTTP 503")
			.hasMessageNotContaining("No new token request");
		assertThat(tokenRequests(server)).isEqualTo(3);
		assertThat(failure(manager)).hasMessageContaining("answered HTTP 503")
			.hasMessageContaining("No new token request before");
		assertThat(tokenRequests(server)).isEqualTo(3);
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1))));
		// The jittered backoff of a first failed round is at most the initial backoff
		this.clock.advance(Duration.ofMillis(10));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isEqualTo(4);
	}

	@Test
	void failsAtOnceAfterATimedOutRoundInsteadOfWaitingOutARoundOfItsOwn() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(1500)));
		TokenCacheCaller.Caller manager = caller(manager().timeout(Duration.ofMillis(300))
			.roundBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
			.build());
		int failedAtOnce = 0;
		// Ten calls 200 ms apart on the injected clock; each round of three attempts
		// really waits for its timeouts
		for (int call = 0; call < 10; call++) {
			this.clock.advance(Duration.ofMillis((call > 0) ? 200 : 0));
			long waitingBefore = manager.cache.getWaitingCalls();
			long start = System.nanoTime();
			Throwable failure = failure(manager);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(failure).isInstanceOf(PatternHealthTokenException.class)
				.hasMessageStartingWith("Pattern Health's token endpoint at " + tokenUri()
						+ " did not answer within 300 ms (3 attempts, client 'client-7').");
			if (failure.getMessage().contains("No new token request before")) {
				assertThat(manager.cache.getWaitingCalls()).as("calls that waited for the token endpoint")
					.isEqualTo(waitingBefore);
				failedAtOnce++;
			}
			else {
				assertThat(took).isGreaterThan(Duration.ofMillis(800));
			}
		}
		// Backoffs of 0.5-1 s, 1-2 s, 2-4 s: at most three rounds in 1.8 s
		assertThat(failedAtOnce).isGreaterThanOrEqualTo(7);
		int rounds = 10 - failedAtOnce;
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(tokenRequests(server)).isEqualTo(3 * rounds));
		assertThat(this.clock.instant()).isBefore(manager.cache.getState().nextAttempt());
	}

	@Test
	void growsTheBackoffBetweenFailedRoundsUpToTheLongest() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		TokenCacheCaller.Caller manager = caller(oneAttemptPerRound().build());
		long[] nominalSeconds = { 1, 2, 4, 8, 8, 8 };
		for (int round = 1; round <= nominalSeconds.length; round++) {
			assertThat(failure(manager)).hasMessageNotContaining("No new token request");
			Duration backoff = backoff(manager.cache);
			Duration nominal = Duration.ofSeconds(nominalSeconds[round - 1]);
			assertThat(backoff).as("backoff after round %d", round).isBetween(nominal.dividedBy(2), nominal);
			assertThat(manager.cache.getState().failedRequests()).isEqualTo(round);
			this.clock.advance(backoff.minusMillis(1));
			assertThat(failure(manager)).hasMessageContaining("answered HTTP 503")
				.hasMessageContaining("No new token request before");
			assertThat(tokenRequests(server)).isEqualTo(round);
			this.clock.advance(Duration.ofMillis(1));
		}
	}

	@Test
	void startsTheBackoffBetweenRoundsAfreshOnceATokenIsObtained() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		TokenCacheCaller.Caller manager = caller(oneAttemptPerRound().build());
		for (int round = 1; round <= 4; round++) {
			failure(manager);
			this.clock.advance(backoff(manager.cache));
		}
		assertThat(tokenRequests(server)).isEqualTo(4);
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofMinutes(1))));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(manager.cache.getState().failedRequests()).isZero();
		assertThat(manager.cache.getState().nextAttempt()).isNull();
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		this.clock.advance(Duration.ofMinutes(1));
		failure(manager);
		assertThat(backoff(manager.cache)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
		assertThat(manager.cache.getState().failedRequests()).isOne();
		assertThat(tokenRequests(server)).isEqualTo(6);
	}

	@Test
	void honoursARetryAfterOnlyUpToTheLongestHonouredOne() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503).withHeader("Retry-After", "86400")));
		TokenCacheCaller.Caller manager = caller(manager().maxRetryAfter(Duration.ofMinutes(2)).build());
		failure(manager);
		this.clock.advance(Duration.ofSeconds(119));
		assertThat(failure(manager)).hasMessageContaining("No new token request before 2026-01-01T00:02:00Z");
		assertThat(tokenRequests(server)).isOne();
		this.clock.advance(Duration.ofSeconds(1));
		failure(manager);
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void readsARetryAfterDateOnTheInjectedClock() {
		server.stubFor(tokenRequest()
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Thu, 01 Jan 2026 00:00:20 GMT")));
		TokenCacheCaller.Caller manager = caller(manager().build());
		failure(manager);
		this.clock.advance(Duration.ofSeconds(19));
		assertThat(failure(manager)).hasMessageContaining("No new token request before 2026-01-01T00:00:20Z");
		assertThat(tokenRequests(server)).isOne();
		this.clock.advance(Duration.ofSeconds(1));
		failure(manager);
		// The date has passed: a round of three attempts, as for any answer that may pass
		assertThat(tokenRequests(server)).isEqualTo(1 + 3);
	}

	@Test
	void takesA401ToATokenObtainedForA401AsTheResourcesAnswerForAWhile() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2", "token-3");
		TokenCacheCaller.Caller manager = caller(
				manager().unauthorizedReplacementInterval(Duration.ofSeconds(5)).build());
		OAuth2AccessToken first = authorize(manager);
		assertThat(manager.cache.replaceRejected(first)).isTrue();
		OAuth2AccessToken second = authorize(manager);
		assertThat(second.getTokenValue()).isEqualTo("token-2");
		this.clock.advance(Duration.ofMillis(4999));
		assertThat(manager.cache.replaceRejected(second)).isFalse();
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(manager.cache.replaceRejected(second)).isTrue();
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-3");
		assertThat(tokenRequests(server)).isEqualTo(3);
	}

	@Test
	void keepsASubSecondLifetimeInMilliseconds() {
		stubTokens(server, Duration.ofMillis(1500), "token-1");
		OAuth2AccessToken token = authorize(caller(manager().build()));
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void capsAnAbsurdLifetimeAtTheLongestLifetime() {
		stubTokens(server, Duration.ofMillis(9300000000000L), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		OAuth2AccessToken token = authorize(manager);
		assertThat(token.getExpiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofDays(1)));
		this.clock.advance(Duration.ofHours(20));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void failsWaitingCallsAndStopsRetryingOnceClosed(CapturedOutput output) {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503).withFixedDelay(500)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		CompletableFuture<OAuth2AuthorizedClient> waiting = manager.authorize(request("app")).toFuture();
		await().atMost(Duration.ofSeconds(10)).until(() -> tokenRequests(server) == 1);
		manager.cache.close();
		assertThat(waiting).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.withMessageContaining("The Pattern Health token cache is closed (client 'client-7')");
		// The answer in flight arrives after the close: no retry, no warning
		await().pollDelay(Duration.ofMillis(1000))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).doesNotContain("answered HTTP 503"));
		assertThat(tokenRequests(server)).isOne();
		assertThat(failure(manager)).hasMessageContaining("is closed");
	}

	@Test
	void countsCallsServedFromTheCacheApartFromCallsThatWaitedForTheTokenEndpoint() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		TokenCacheCaller.Caller manager = caller(manager().build());
		for (int i = 0; i < 3; i++) {
			authorize(manager);
		}
		assertThat(manager.cache.getWaitingCalls()).isOne();
		assertThat(manager.cache.getCachedCalls()).isEqualTo(2);
	}

	@Test
	void countsEveryCallThatWaitsForTheSameTokenRequest() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(300)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		CompletableFuture<OAuth2AuthorizedClient> first = manager.cache.authorize();
		CompletableFuture<OAuth2AuthorizedClient> second = manager.cache.authorize();
		assertThat(first).succeedsWithin(Duration.ofSeconds(10));
		assertThat(second).succeedsWithin(Duration.ofSeconds(10));
		assertThat(manager.cache.getWaitingCalls()).isEqualTo(2);
		assertThat(manager.cache.getCachedCalls()).isZero();
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void letsARequestRejectedWithAnOlderTokenBeSentAgainWithTheNewerOne() {
		stubTokens(server, Duration.ofMinutes(1), "token-1", "token-2");
		TokenCacheCaller.Caller manager = caller(manager().build());
		OAuth2AccessToken older = authorize(manager);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
		assertThat(manager.cache.replaceRejected(older)).isTrue();
		assertThat(authorize(manager).getTokenValue()).isEqualTo("token-2");
		assertThat(tokenRequests(server)).isEqualTo(2);
	}

	@Test
	void reportsAnExpiredTokenWithoutRequestingANewOne() {
		stubTokens(server, Duration.ofMinutes(1), "token-1");
		TokenCacheCaller.Caller manager = caller(manager().build());
		authorize(manager);
		assertThat(manager.cache.getState().status()).isEqualTo(TokenState.Status.VALID);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(manager.cache.getState().status()).isEqualTo(TokenState.Status.EXPIRED);
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void closesAtOnceWhenNoTokenRequestIsUnderWay() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		TokenCacheCaller.Caller manager = caller(manager().build());
		manager.cache.closeAfterPendingRequest();
		assertThat(failure(manager))
			.hasMessageContaining("The Pattern Health token cache is closed (client 'client-7')");
		assertThat(tokenRequests(server)).isZero();
	}

	@Test
	void handsTheTokenRequestUnderWayToItsCallersBeforeItCloses() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(500)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		CompletableFuture<OAuth2AuthorizedClient> waiting = manager.cache.authorize();
		manager.cache.closeAfterPendingRequest();
		assertThat(waiting).succeedsWithin(Duration.ofSeconds(10))
			.satisfies((client) -> assertThat(client.getAccessToken().getTokenValue()).isEqualTo("token-1"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(failure(manager)).hasMessageContaining("is closed"));
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void failsABlockingCallerInterruptedWhileItWaitsAndKeepsItsInterrupt() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(1000)));
		TokenCacheCaller.Caller manager = caller(manager().build());
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(() -> manager.cache.getAuthorizedClient())
				.withMessage("Interrupted while waiting for a Pattern Health access token (client 'client-7')")
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		// The token request goes on for the other callers
		await().atMost(Duration.ofSeconds(10))
			.until(() -> manager.cache.getState().status() == TokenState.Status.VALID);
		assertThat(tokenRequests(server)).isOne();
	}

	/**
	 * How long calls fail at once from now on, as the state of the cache tells.
	 */
	private Duration backoff(PatternHealthTokenCache cache) {
		Instant nextAttempt = cache.getState().nextAttempt();
		assertThat(nextAttempt).isNotNull();
		return Duration.between(this.clock.instant(), nextAttempt);
	}

	private Throwable failure(TokenCacheCaller.Caller manager) {
		return catchThrowable(() -> authorize(manager));
	}

	/**
	 * A cache that makes one attempt per round and backs off 1 s after the first failed
	 * round, up to 8 s.
	 */
	private PatternHealthTokenCacheBuilder oneAttemptPerRound() {
		return manager().retry(1, Duration.ofMillis(10), Duration.ofMillis(50))
			.roundBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8));
	}

	private PatternHealthTokenCacheBuilder manager() {
		return this.caller.transport(PatternHealthTokenCache.withCredentials(tokenUri(), CLIENT_ID, SECRET))
			.retry(3, Duration.ofMillis(10), Duration.ofMillis(50))
			.roundBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
			.clock(this.clock);
	}

	private void reject(TokenCacheCaller.Caller manager, OAuth2AuthorizedClient client) {
		manager.reject(client);
	}

	private List<Throwable> concurrentFailures(TokenCacheCaller.Caller manager, int calls) {
		return manager.concurrently(calls)
			.stream()
			.filter(Throwable.class::isInstance)
			.map(Throwable.class::cast)
			.toList();
	}

	private OAuth2AccessToken authorize(TokenCacheCaller.Caller manager) {
		return manager.authorize(request("app")).block(Duration.ofSeconds(30)).getAccessToken();
	}

	private static OAuth2AuthorizeRequest request(String principal) {
		return OAuth2AuthorizeRequest.withClientRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.principal(principal)
			.build();
	}

	private TokenCacheCaller.Caller caller(PatternHealthTokenCache cache) {
		this.caches.add(cache);
		return this.caller.on(cache);
	}

	@AfterEach
	void closeCaches() {
		this.caches.forEach(PatternHealthTokenCache::close);
	}

	private static URI tokenUri() {
		return URI.create(server.baseUrl() + TOKEN_PATH);
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
