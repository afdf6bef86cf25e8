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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link PatternHealthAccessTokenResponseExtractor}, without Spring or HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatternHealthAccessTokenResponseExtractorTests {

	private final PatternHealthAccessTokenResponseExtractor extractor = new PatternHealthAccessTokenResponseExtractor(
			"client-7", Duration.ofMinutes(5));

	@Test
	void readsExpiresInAsMilliseconds() {
		OAuth2AccessToken token = read(200,
				"{\"access_token\":\"abc\",\"expires_in\":3600000,\"token_type\":\"bearer\"}");
		assertThat(token.getTokenValue()).isEqualTo("abc");
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void readsExpiresInGivenAsANumericString() {
		OAuth2AccessToken token = read(200, "{\"access_token\":\"abc\",\"expires_in\":\"90000\"}");
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void roundsSubSecondLifetimesDownButNeverToZero() {
		assertThat(lifetime("{\"access_token\":\"abc\",\"expires_in\":2999}")).isEqualTo(Duration.ofSeconds(2));
		assertThat(lifetime("{\"access_token\":\"abc\",\"expires_in\":400}")).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void givesTheDefaultLifetimeWhenExpiresInIsMissing() {
		assertThat(lifetime("{\"access_token\":\"abc\",\"token_type\":\"bearer\"}")).isEqualTo(Duration.ofMinutes(5));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bearer", "Bearer", "BEARER" })
	void acceptsBearerInAnyCase(String tokenType) {
		OAuth2AccessToken token = read(200,
				"{\"access_token\":\"abc\",\"expires_in\":1000,\"token_type\":\"" + tokenType + "\"}");
		assertThat(token.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
	}

	@Test
	void rejectsOtherTokenTypes() {
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> read(200, "{\"access_token\":\"abc\",\"expires_in\":1000,\"token_type\":\"mac\"}"))
			.withMessage("Pattern Health's token endpoint answered HTTP 200 with token_type 'mac'; only bearer tokens"
					+ " are supported (client 'client-7'). Check patternhealth.base-url and patternhealth.token-path.")
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"soon\"", "1.5", "\"\"" })
	void rejectsAnExpiresInThatIsNotAWholeNumber(String expiresIn) {
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> read(200, "{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}"))
			.withMessageContaining("which is not a whole number of milliseconds");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-5", "0" })
	void givesTheDefaultLifetimeWithAWarningWhenExpiresInIsNotPositive(String expiresIn, CapturedOutput output) {
		OAuth2AccessToken token = read(200, "{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}");
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
		assertThat(output).contains("Pattern Health's token endpoint answered expires_in " + expiresIn
				+ " for client 'client-7'; the token is used for 5 minutes");
	}

	@Test
	void capsAnAbsurdExpiresInAtOneDay() {
		OAuth2AccessToken token = read(200, "{\"access_token\":\"abc\",\"expires_in\":9300000000000}");
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void reportsAnOAuthErrorAsRejectedCredentials() {
		assertThatExceptionOfType(PatternHealthCredentialsRejectedException.class)
			.isThrownBy(() -> read(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}"))
			.withMessage("Pattern Health rejected the credentials of client 'client-7' (HTTP 401, error"
					+ " 'invalid_client': Bad credentials). Check patternhealth.client-id and patternhealth.client-secret.")
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client");
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(ex.isTransient()).isFalse();
			});
	}

	@Test
	void reportsAnErrorInASuccessfulAnswer() {
		assertThatExceptionOfType(PatternHealthCredentialsRejectedException.class)
			.isThrownBy(() -> read(200, "{\"error\":\"unauthorized_client\"}"))
			.withMessageContaining("(HTTP 200, error 'unauthorized_client')");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403 })
	void reportsABareClientErrorAsRejectedCredentials(int status) {
		assertThatExceptionOfType(PatternHealthCredentialsRejectedException.class).isThrownBy(() -> read(status, ""))
			.withMessage("Pattern Health rejected the credentials of client 'client-7' (HTTP " + status
					+ "). Check patternhealth.client-id and patternhealth.client-secret.");
	}

	@Test
	void reportsAServerErrorAsTransientWithItsRetryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "3");
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> this.extractor.read(HttpStatusCode.valueOf(503), headers,
					"{\"error\":\"temporarily_unavailable\"}"))
			.withMessage("Pattern Health's token endpoint answered HTTP 503, error 'temporarily_unavailable'"
					+ " (client 'client-7'). The request may succeed later.")
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(PatternHealthCredentialsRejectedException.class);
				assertThat(ex.isTransient()).isTrue();
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 500, 502, 504 })
	void reportsTimeoutsRateLimitsAndServerErrorsAsTransient(int status) {
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(() -> read(status, ""))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

	@Test
	void reportsAWrongPathAsAConfigurationProblem() {
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(() -> read(404, "Not Found"))
			.withMessage("Pattern Health's token endpoint answered HTTP 404 (client 'client-7'). Check"
					+ " patternhealth.base-url and patternhealth.token-path.")
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
	}

	@Test
	void reportsAnHtmlPage() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> this.extractor.read(HttpStatus.OK, headers, "<html><body>Sign in</body></html>"))
			.withMessage("Pattern Health's token endpoint answered HTTP 200 with a text/html body instead of a JSON"
					+ " token response (client 'client-7'). Check patternhealth.base-url and patternhealth.token-path.")
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"));
	}

	@Test
	void reportsUnreadableJson() {
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> read(200, "{\"access_token\":\"abc\","))
			.withMessageContaining(
					"answered HTTP 200 with a body that is not a JSON object instead of a JSON token response");
	}

	@Test
	void reportsAnAnswerWithoutAccessToken() {
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> read(200, "{\"expires_in\":3600000,\"token_type\":\"bearer\"}"))
			.withMessageContaining("answered HTTP 200 with a JSON body without an access_token");
	}

	@Test
	void keepsLongOrControlCharacterDescriptionsShortAndOnOneLine() {
		String description = "line\nbreak " + "x".repeat(500);
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> read(500,
					"{\"error\":\"server_error\",\"error_description\":\"" + description.replace("\n", "\\n") + "\"}"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n").hasSizeLessThan(400));
	}

	@Test
	void keepsTheErrorCodeThatTheEndpointAnsweredAndNamesOneWhenItAnsweredNone() {
		assertThat(errorCode(401, "")).isEqualTo("invalid_client");
		assertThat(errorCode(403, "{\"error\":\"unauthorized_client\"}")).isEqualTo("unauthorized_client");
		assertThat(errorCode(200, "{\"error\":\"invalid_grant\"}")).isEqualTo("invalid_grant");
		assertThat(errorCode(500, "")).isEqualTo("server_error");
		assertThat(errorCode(503, "{\"error\":\"temporarily_unavailable\"}")).isEqualTo("temporarily_unavailable");
		assertThat(errorCode(200, "")).isEqualTo("invalid_token_response");
	}

	@Test
	void reportsAnEmptySuccessfulAnswer() {
		assertThatExceptionOfType(PatternHealthTokenException.class).isThrownBy(() -> read(200, ""))
			.withMessage("Pattern Health's token endpoint answered HTTP 200 with an empty body instead of a JSON token"
					+ " response (client 'client-7'). Check patternhealth.base-url and patternhealth.token-path.");
	}

	@Test
	void followsNoRedirectWithOrWithoutALocation() {
		HttpHeaders moved = new HttpHeaders();
		moved.setLocation(URI.create("https://login.example.com/token"));
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> this.extractor.read(HttpStatus.FOUND, moved, ""))
			.withMessageContaining("answered HTTP 302 with a redirect to https://login.example.com/token, which is not"
					+ " followed: the credentials go to no other URL (client 'client-7')");
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> this.extractor.read(HttpStatus.FOUND, new HttpHeaders(), ""))
			.withMessageContaining("answered HTTP 302 with a redirect without a Location, which is not followed");
	}

	@Test
	void keepsADescriptionOfTheLongestLengthWhole() {
		String description = "d".repeat(200);
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> read(500, "{\"error\":\"server_error\",\"error_description\":\"" + description + "\"}"))
			.withMessageContaining("error 'server_error': " + description + " (client");
	}

	private String errorCode(int status, String body) {
		PatternHealthTokenException failure = catchThrowableOfType(PatternHealthTokenException.class,
				() -> read(status, body));
		assertThat(failure).isNotNull();
		return failure.getError().getErrorCode();
	}

	private Duration lifetime(String body) {
		OAuth2AccessToken token = read(200, body);
		return Duration.between(token.getIssuedAt(), token.getExpiresAt());
	}

	private OAuth2AccessToken read(int status, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
		OAuth2AccessTokenResponse response = this.extractor.read(HttpStatusCode.valueOf(status), headers, body);
		return response.getAccessToken();
	}

}
