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
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenFailures}: the message and the error code of every failure to
 * obtain a token.
 */
class TokenFailuresTests {

	private static final String TOKEN_URI = "https://api.example.com/api/auth/token";

	private final TokenFailures failures = new TokenFailures("client-7", TOKEN_URI);

	private final TokenFailures withoutUri = new TokenFailures("client-7", null);

	@Test
	void namesTheCredentialsToCheckWhenTheyAreRejected() {
		PatternHealthCredentialsRejectedException rejected = this.failures.rejected(new OAuth2Error("invalid_client"),
				HttpStatus.UNAUTHORIZED, "HTTP 401, error 'invalid_client'");
		assertThat(rejected).hasMessage("Pattern Health rejected the credentials of client 'client-7' at " + TOKEN_URI
				+ " (HTTP 401, error 'invalid_client'). Check patternhealth.client-id and patternhealth.client-secret.");
		assertThat(rejected.getError().getErrorCode()).isEqualTo("invalid_client");
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.withoutUri.rejected(new OAuth2Error("invalid_client"), HttpStatus.UNAUTHORIZED, "HTTP 401"))
			.hasMessage("Pattern Health rejected the credentials of client 'client-7' (HTTP 401)."
					+ " Check patternhealth.client-id and patternhealth.client-secret.");
	}

	@Test
	void saysAnAnswerThatMayPassMaySucceedLaterAndAnyOtherIsAConfigurationProblem() {
		PatternHealthTokenException unavailable = this.failures.answered(new OAuth2Error("server_error"),
				HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(3), "HTTP 503");
		assertThat(unavailable).hasMessage("Pattern Health's token endpoint at " + TOKEN_URI
				+ " answered HTTP 503 (client 'client-7'). The request may succeed later.");
		assertThat(unavailable.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
		assertThat(unavailable.isTransient()).isTrue();
		PatternHealthTokenException notFound = this.withoutUri.answered(new OAuth2Error("server_error"),
				HttpStatus.NOT_FOUND, null, "HTTP 404");
		assertThat(notFound).hasMessage("Pattern Health's token endpoint answered HTTP 404 (client 'client-7')."
				+ " Check patternhealth.base-url and patternhealth.token-path.");
		assertThat(notFound.isTransient()).isFalse();
	}

	@Test
	void reportsAnAnswerThatIsNotATokenWithItsOwnErrorCode() {
		PatternHealthTokenException invalid = this.failures.invalid(HttpStatus.OK, "an empty body");
		assertThat(invalid).hasMessage("Pattern Health's token endpoint at " + TOKEN_URI
				+ " answered HTTP 200 with an empty body (client 'client-7')."
				+ " Check patternhealth.base-url and patternhealth.token-path.");
		assertThat(invalid.getError().getErrorCode()).isEqualTo("invalid_token_response");
		assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void reportsAnEndpointThatDidNotAnswerOrCouldNotBeReachedAsUnavailableAndTransient() {
		PatternHealthTokenException timedOut = this.failures.timedOut(Duration.ofSeconds(10), 3);
		assertThat(timedOut).hasMessage("Pattern Health's token endpoint at " + TOKEN_URI
				+ " did not answer within 10 s (3 attempts, client 'client-7')."
				+ " Check patternhealth.base-url, or raise patternhealth.token.timeout.");
		IOException refused = new IOException("Connection refused");
		PatternHealthTokenException unreachable = this.failures.unreachable(refused, "Connection refused", 1);
		assertThat(unreachable).hasMessage("Could not reach Pattern Health's token endpoint at " + TOKEN_URI
				+ " (1 attempt, client 'client-7'): Connection refused. Check patternhealth.base-url and the network.")
			.hasCause(refused);
		for (PatternHealthTokenException failure : new PatternHealthTokenException[] { timedOut, unreachable }) {
			assertThat(failure.getError().getErrorCode()).isEqualTo("token_endpoint_unavailable");
			assertThat(failure.isTransient()).isTrue();
			assertThat(failure.getStatusCode()).isNull();
		}
	}

	@Test
	void namesTheTokenEndpointInGeneralWhenItsUriIsUnknown() {
		IllegalStateException cause = new IllegalStateException("boom");
		assertThat(this.withoutUri.failed(cause, "boom"))
			.hasMessage(
					"Could not obtain a Pattern Health access token from the token endpoint (client 'client-7'): boom")
			.hasCause(cause);
		assertThat(this.failures.failed(cause, "boom")).hasMessage(
				"Could not obtain a Pattern Health access token from " + TOKEN_URI + " (client 'client-7'): boom");
		assertThat(this.failures.notWithin(Duration.ofSeconds(31)))
			.hasMessage("No Pattern Health access token from " + TOKEN_URI + " within 31 s (client 'client-7')."
					+ " Check patternhealth.base-url, or raise patternhealth.token.timeout.");
		assertThat(this.failures.failed(cause, "boom").isTransient()).isFalse();
	}

	@Test
	void reportsAnInterruptedWaitAndAClosedCacheWithTheirOwnErrorCodes() {
		InterruptedException interrupted = new InterruptedException();
		PatternHealthTokenException failure = this.failures.interrupted(interrupted);
		assertThat(failure)
			.hasMessage("Interrupted while waiting for a Pattern Health access token (client 'client-7')")
			.hasCause(interrupted);
		assertThat(failure.getError().getErrorCode()).isEqualTo("interrupted");
		assertThat(this.failures.closed()).hasMessage("The Pattern Health token cache is closed (client 'client-7')");
		assertThat(this.failures.closed().getError().getErrorCode()).isEqualTo("closed");
	}

	@Test
	void saysWhenTheNextTokenRequestMayStartAfterAFailure() {
		PatternHealthTokenException last = this.failures.answered(new OAuth2Error("server_error"),
				HttpStatus.TOO_MANY_REQUESTS, Duration.ofSeconds(2), "HTTP 429");
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		PatternHealthTokenException backingOff = this.failures.backingOff(last, now.plusNanos(1_500_400_000L), now);
		assertThat(backingOff)
			.hasMessage(last.getMessage() + " No new token request before 2026-01-01T00:00:01.500Z (in 1500 ms).");
		assertThat(backingOff.getError()).isSameAs(last.getError());
		assertThat(backingOff.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(backingOff.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(backingOff.isTransient()).isTrue();
	}

	@Test
	void describesDurationsInMillisecondsUpTo2SecondsAndInSecondsUpTo2Minutes() {
		assertThat(TokenFailures.describe(Duration.ofMillis(1999))).isEqualTo("1999 ms");
		assertThat(TokenFailures.describe(Duration.ofMillis(2000))).isEqualTo("2 s");
		assertThat(TokenFailures.describe(Duration.ofMillis(119_999))).isEqualTo("119 s");
		assertThat(TokenFailures.describe(Duration.ofMinutes(2))).isEqualTo("2 minutes");
		assertThat(TokenFailures.describe(Duration.ofHours(1))).isEqualTo("60 minutes");
	}

}
