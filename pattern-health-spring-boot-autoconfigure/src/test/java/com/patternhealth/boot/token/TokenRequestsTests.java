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
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import com.patternhealth.boot.observation.DefaultTokenRequestObservationConvention;
import com.patternhealth.boot.observation.TokenRequestObservationContext;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TokenRequests}, with a token client that answers like a token endpoint
 * that answers {@code 503}.
 */
class TokenRequestsTests {

	private static final URI TOKEN_URI = URI.create("https://api.example.com/api/auth/token");

	private static final String NAME = DefaultTokenRequestObservationConvention.NAME;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final TokenFailures failures = new TokenFailures("client-7", TOKEN_URI.toString());

	private final AtomicInteger requests = new AtomicInteger();

	@Test
	void closeFailsAnAcquisitionWhoseRetryIsScheduledAndStopsItsObservation() {
		TokenRequests tokenRequests = new TokenRequests(this::unavailable, this.failures,
				PatternHealthTokenCache.withCredentials(TOKEN_URI, "client-7", "secret-7")
					.observationRegistry(this.registry)
					.retry(3, Duration.ofSeconds(30), Duration.ofSeconds(30))
					.settings());
		CompletableFuture<TokenRequests.Answer> answer = tokenRequests.acquire(TokenRequestTrigger.FIRST_USE);
		// The first attempt was answered 503: the second waits for its backoff
		assertThat(this.requests).hasValue(1);
		assertThat(answer).isNotDone();
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME).that().hasBeenStarted().isNotStopped();
		tokenRequests.close();
		assertThat(answer).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.withCauseInstanceOf(PatternHealthTokenException.class)
			.withMessageContaining("The Pattern Health token cache is closed (client 'client-7')");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "failure")
			.hasEvent("retry")
			.assertThatError()
			.hasMessage("The Pattern Health token cache is closed (client 'client-7')");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void failsAnAcquisitionThatStartsAfterTheCloseWithoutARequest() {
		TokenRequests tokenRequests = new TokenRequests(this::unavailable, this.failures, settings().settings());
		tokenRequests.close();
		CompletableFuture<TokenRequests.Answer> answer = tokenRequests.acquire(TokenRequestTrigger.FIRST_USE);
		assertThat(answer).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.withCauseInstanceOf(PatternHealthTokenException.class)
			.withMessageContaining("The Pattern Health token cache is closed (client 'client-7')");
		assertThat(this.requests).hasValue(0);
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "failure");
	}

	@Test
	void neverSendsTheRetryOfAnAcquisitionThatTheCloseEnded() {
		TokenRequests tokenRequests = new TokenRequests(this::unavailable, this.failures,
				settings().retry(3, Duration.ofMillis(200), Duration.ofMillis(200)).settings());
		CompletableFuture<TokenRequests.Answer> answer = tokenRequests.acquire(TokenRequestTrigger.FIRST_USE);
		tokenRequests.close();
		assertThat(answer).failsWithin(Duration.ofSeconds(5));
		// The retry was scheduled before the close: it runs, and must send nothing
		await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> this.requests.get() == 1);
	}

	@Test
	void retriesAFailureThatTheClientWrappedAndReportsTheFailureItself() {
		TokenRequests tokenRequests = new TokenRequests(() -> {
			this.requests.incrementAndGet();
			return CompletableFuture.failedFuture(new CompletionException(this.failures
				.answered(new OAuth2Error("server_error"), HttpStatus.SERVICE_UNAVAILABLE, null, "HTTP 503")));
		}, this.failures, settings().retry(2, Duration.ZERO, Duration.ZERO).settings());
		assertThat(tokenRequests.acquire(TokenRequestTrigger.FIRST_USE)).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(PatternHealthTokenException.class)
			.withMessage("Pattern Health's token endpoint at " + TOKEN_URI
					+ " answered HTTP 503 (client 'client-7'). The request may succeed later.");
		assertThat(this.requests).hasValue(2);
		assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
			.that()
			.hasLowCardinalityKeyValue("outcome", "failure")
			.satisfies((context) -> assertThat(((TokenRequestObservationContext) context).getAttempts()).isEqualTo(2));
	}

	@Test
	void namesTheDeepestCauseThatSaysWhatHappenedWhenTheEndpointIsUnreachable() {
		assertThat(unreachable(new IOException("I/O error", new IOException("Connection reset by peer"))))
			.endsWith(": Connection reset by peer. Check patternhealth.base-url and the network.");
		assertThat(unreachable(new IOException(null, new ConnectException())))
			.endsWith(": Connection refused. Check patternhealth.base-url and the network.");
		assertThat(unreachable(new IOException(null, new IOException())))
			.endsWith(": IOException. Check patternhealth.base-url and the network.");
	}

	@Test
	void closesTheTokenClientOnClose() {
		AtomicInteger closed = new AtomicInteger();
		TokenClient client = new TokenClient() {

			@Override
			public CompletableFuture<OAuth2AccessTokenResponse> requestToken() {
				return unavailable();
			}

			@Override
			public void close() {
				closed.incrementAndGet();
			}

		};
		new TokenRequests(client, this.failures, settings().settings()).close();
		assertThat(closed).hasValue(1);
	}

	private String unreachable(IOException failure) {
		TokenRequests tokenRequests = new TokenRequests(() -> CompletableFuture.failedFuture(failure), this.failures,
				settings().retry(1, Duration.ZERO, Duration.ZERO).settings());
		Throwable thrown = catchThrowable(() -> tokenRequests.acquire(TokenRequestTrigger.FIRST_USE).join());
		assertThat(thrown).hasCauseInstanceOf(PatternHealthTokenException.class);
		return thrown.getCause().getMessage();
	}

	private PatternHealthTokenCacheBuilder settings() {
		return PatternHealthTokenCache.withCredentials(TOKEN_URI, "client-7", "secret-7")
			.observationRegistry(this.registry);
	}

	private CompletableFuture<OAuth2AccessTokenResponse> unavailable() {
		this.requests.incrementAndGet();
		return CompletableFuture.failedFuture(this.failures.answered(new OAuth2Error("server_error"),
				HttpStatus.SERVICE_UNAVAILABLE, null, "HTTP 503"));
	}

}
