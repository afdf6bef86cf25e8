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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthPropertiesValidator}: every problem names the property
 * and how to fix it.
 */
class PatternHealthPropertiesValidatorTests {

	@Test
	void validPropertiesHaveNoProblem() {
		assertThat(problems(properties("https://api.example.com"))).isEmpty();
	}

	@Test
	void namesEachMissingRequiredProperty() {
		assertThat(problems(new PatternHealthProperties())).containsExactly(problem("patternhealth.base-url",
				"is not set; set it to the address of your Pattern Health host, such as https://api.example.com"),
				problem("patternhealth.client-id",
						"is not set; set it to the client ID from the Pattern Health administrative console"),
				problem("patternhealth.client-secret",
						"is not set; set it to the client secret that belongs to the client ID"));
	}

	@Test
	void treatsBlankRequiredPropertiesAsMissing() {
		PatternHealthProperties properties = new PatternHealthProperties();
		properties.setBaseUrl("  ");
		properties.setClientId("");
		properties.setClientSecret(" \t");
		assertThat(problems(properties)).extracting(InvalidPatternHealthPropertiesException.Problem::property)
			.containsExactly("patternhealth.base-url", "patternhealth.client-id", "patternhealth.client-secret");
	}

	@Test
	void namesOnlyTheMissingProperty() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientSecret(null);
		assertThat(problems(properties)).extracting(InvalidPatternHealthPropertiesException.Problem::property)
			.containsExactly("patternhealth.client-secret");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "api.example.com", "ftp://api.example.com", "/api", "https:///api", "mailto:a@example.com" })
	void refusesABaseUrlThatIsNotAnAbsoluteHttpUrl(String baseUrl) {
		assertThat(problems(properties(baseUrl))).containsExactly(problem("patternhealth.base-url", "'" + baseUrl
				+ "' is not an absolute http or https URL; set it to scheme and host, such as https://api.example.com"));
	}

	@Test
	void refusesABaseUrlThatIsNotAUrl() {
		assertThat(problems(properties("https://api example.com"))).containsExactly(problem("patternhealth.base-url",
				"'https://api example.com' is not a URL; set it to scheme and host, such as https://api.example.com"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://api.example.com?tenant=a", "https://api.example.com/#top",
			"https://api.example.com/?" })
	void refusesABaseUrlWithAQueryOrAFragment(String baseUrl) {
		assertThat(problems(properties(baseUrl))).containsExactly(problem("patternhealth.base-url",
				"'" + baseUrl + "' has a query or a fragment; set it to scheme, host and optional port only"));
	}

	@Test
	void refusesABaseUrlWithAnInvalidHostName() {
		assertThat(problems(properties("https://pattern_health.example.com")))
			.containsExactly(problem("patternhealth.base-url", "'https://pattern_health.example.com' has no valid host"
					+ " name; set it to scheme and host, such as https://api.example.com"));
	}

	@Test
	void refusesABaseUrlWithAPortAbove65535() {
		assertThat(problems(properties("https://api.example.com:70000")))
			.containsExactly(problem("patternhealth.base-url",
					"'https://api.example.com:70000' has port 70000, above 65535; set a valid port or none"));
	}

	@Test
	void refusesCredentialsInTheBaseUrl() {
		assertThat(problems(properties("https://id:secret@api.example.com")))
			.containsExactly(problem("patternhealth.base-url", "the URL carries user information; remove it and set"
					+ " patternhealth.client-id and patternhealth.client-secret instead"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://id:hunter2@api.example.com?tenant=a", "https://id:hunter2@api.example.com/#top",
			"ftp://id:hunter2@api.example.com", "http://id:hunter2@api.example.com:70000",
			"https://id:hunter 2@api.example.com?tenant=a" })
	void refusesCredentialsInTheBaseUrlBeforeAnyCheckThatQuotesIt(String baseUrl) {
		assertThat(problems(properties(baseUrl)))
			.containsExactly(problem("patternhealth.base-url", "the URL carries user information; remove it and set"
					+ " patternhealth.client-id and patternhealth.client-secret instead"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://id:hunter2/x@api.example.com?tenant=a", "https://id:hunter2?x@api.example.com",
			"https://id:hunter2#x@api.example.com/#top", "https://api.example.com/?to=id:hunter2@example.com" })
	void neverQuotesWhatMayBeAPasswordInTheBaseUrl(String baseUrl) {
		List<InvalidPatternHealthPropertiesException.Problem> problems = problems(properties(baseUrl));
		assertThat(problems).extracting(InvalidPatternHealthPropertiesException.Problem::property)
			.containsExactly("patternhealth.base-url");
		assertThat(problems.get(0).reason()).startsWith("'https://******@").doesNotContain("hunter2");
		assertThat(new InvalidPatternHealthPropertiesException(problems)).message().doesNotContain("hunter2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.example.com", "http://10.0.0.7:8080", "http://127.example.com",
			"http://localhost.example.com" })
	void refusesHttpOnAHostOtherThanLoopback(String baseUrl) {
		assertThat(problems(properties(baseUrl))).containsExactly(problem("patternhealth.base-url",
				"'" + baseUrl + "' uses http on a host other than loopback, which would send the client secret"
						+ " in clear text; use https, or set patternhealth.allow-insecure-http=true"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost", "http://LOCALHOST:8080", "http://127.0.0.1:8080", "http://127.0.0.2",
			"http://[::1]:8080" })
	void acceptsHttpOnLoopback(String baseUrl) {
		assertThat(problems(properties(baseUrl))).isEmpty();
	}

	@Test
	void acceptsHttpOnAnyHostWhenExplicitlyAllowed() {
		PatternHealthProperties properties = properties("http://api.example.com");
		properties.setAllowInsecureHttp(true);
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void refusesAColonInTheClientIdSentAsWritten() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientId("tenant:client");
		assertThat(problems(properties)).containsExactly(problem("patternhealth.client-id",
				"contains ':', which Basic authentication cannot carry in a client ID unless the credentials are"
						+ " URL-encoded; set patternhealth.token.encode-credentials=true, which URL-encodes them first"));
	}

	@Test
	void namesTheCharacterOfTheClientIdOutsideIso88591() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientId("client\u200B-7");
		assertThat(problems(properties)).containsExactly(problem("patternhealth.client-id",
				"contains U+200B, a character outside ISO-8859-1, which Basic authentication cannot carry unless the"
						+ " credentials are URL-encoded; set patternhealth.token.encode-credentials=true, which"
						+ " URL-encodes them first"));
	}

	@Test
	void refusesASecretOutsideIso88591WithoutShowingIt() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientSecret("hunter2-\u20AC-secret");
		assertThat(problems(properties)).containsExactly(problem("patternhealth.client-secret",
				"contains a character outside ISO-8859-1, which Basic authentication cannot carry unless the"
						+ " credentials are URL-encoded; set patternhealth.token.encode-credentials=true, which"
						+ " URL-encodes them first"));
	}

	@Test
	void acceptsAColonInTheSecretAndLatin1Characters() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientId("cli\u00E9nt-\u00DF");
		properties.setClientSecret("s3cr+t/=:%x \u00FF");
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void acceptsAnyCharacterWhenTheCredentialsAreUrlEncoded() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientId("tenant:client-\u20AC");
		properties.setClientSecret("s\u20ACcret");
		properties.getToken().setEncodeCredentials(true);
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void theAdvisedEncodingLetsBasicAuthenticationCarryTheCredentials() {
		ClientRegistration registration = ClientRegistration.withRegistrationId("pattern-health")
			.clientId("tenant:client-\u20AC")
			.clientSecret("s\u20ACcret")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("https://api.example.com/api/auth/token")
			.build();
		DefaultOAuth2TokenRequestHeadersConverter<OAuth2ClientCredentialsGrantRequest> headers = new DefaultOAuth2TokenRequestHeadersConverter<>();
		headers.setEncodeClientCredentials(false);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> headers.convert(new OAuth2ClientCredentialsGrantRequest(registration)));
		headers.setEncodeClientCredentials(true);
		String authorization = headers.convert(new OAuth2ClientCredentialsGrantRequest(registration))
			.getFirst(HttpHeaders.AUTHORIZATION);
		assertThat(new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
				StandardCharsets.ISO_8859_1))
			.isEqualTo("tenant%3Aclient-%E2%82%AC:s%E2%82%ACcret");
	}

	@ParameterizedTest
	@ValueSource(strings = { " client", "client\t", "client\u00A0", "\u3000client" })
	void refusesWhitespaceAroundTheClientId(String clientId) {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setClientId(clientId);
		properties.getToken().setEncodeCredentials(true);
		assertThat(problems(properties)).containsExactly(problem("patternhealth.client-id",
				"starts or ends with whitespace, most likely copied with it; remove the whitespace"));
	}

	@Test
	void neverShowsTheSecretInAnyProblem() {
		PatternHealthProperties properties = properties("https://id:hunter2@api.example.com?tenant=a");
		properties.setClientId(" tenant:client\u20AC");
		properties.setClientSecret("\u3000hunter2-\u20AC-secret\n");
		List<InvalidPatternHealthPropertiesException.Problem> problems = problems(properties);
		assertThat(problems).extracting(InvalidPatternHealthPropertiesException.Problem::property)
			.containsExactly("patternhealth.base-url", "patternhealth.client-id", "patternhealth.client-id",
					"patternhealth.client-id", "patternhealth.client-secret", "patternhealth.client-secret");
		assertThat(new InvalidPatternHealthPropertiesException(problems)).message().doesNotContain("hunter2");
	}

	@Test
	void refusesATokenPathThatIsNotAPath() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setTokenPath("api/auth/token");
		assertThat(problems(properties)).containsExactly(problem("patternhealth.token-path",
				"'api/auth/token' is not a path; set it to a path that starts with '/', such as /api/auth/token"));
	}

	@ParameterizedTest
	@CsvSource({ "0.1, 0.1", "0.02, 0.1", "1.0, 0.02", "0.1, -0.01", "NaN, 0.02" })
	void refusesRefreshAheadAndExpiryMarginOutOfOrder(double refreshAhead, double expiryMargin) {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().setRefreshAhead(refreshAhead);
		properties.getToken().setExpiryMargin(expiryMargin);
		assertThat(problems(properties))
			.containsExactly(problem("patternhealth.token.refresh-ahead and patternhealth.token.expiry-margin",
					"are " + refreshAhead + " and " + expiryMargin
							+ "; they must satisfy 0 <= expiry-margin < refresh-ahead < 1, such as 0.1 and 0.02"));
	}

	@Test
	void refusesZeroWhereItMakesNoSense() {
		PatternHealthProperties properties = properties("https://api.example.com");
		setEveryDuration(properties, Duration.ZERO);
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.token.default-expires-in", "must be positive, such as 5m"),
				problem("patternhealth.token.max-lifetime", "must be positive, such as 24h"),
				problem("patternhealth.token.timeout", "must be positive, such as 5s"),
				problem("patternhealth.token.retry.max-backoff", "must be positive, such as 5s"));
	}

	@Test
	void refusesNegativeDurations() {
		PatternHealthProperties properties = properties("https://api.example.com");
		setEveryDuration(properties, Duration.ofSeconds(-1));
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.token.default-expires-in", "must be positive, such as 5m"),
				problem("patternhealth.token.max-lifetime", "must be positive, such as 24h"),
				problem("patternhealth.token.timeout", "must be positive, such as 5s"),
				problem("patternhealth.token.rejected-credentials-cooldown", "must be zero or positive, such as 1s"),
				problem("patternhealth.token.unauthorized-replacement-interval",
						"must be zero or positive, such as 5s"),
				problem("patternhealth.token.retry.initial-backoff",
						"must be between zero and patternhealth.token.retry.max-backoff"),
				problem("patternhealth.token.retry.max-backoff", "must be positive, such as 5s"),
				problem("patternhealth.token.retry.max-retry-after", "must be zero or positive, such as 2m"));
	}

	@Test
	void refusesDurationsLongerThanAYearThatWouldOverflowOnceAddedUp() {
		PatternHealthProperties properties = properties("https://api.example.com");
		setEveryDuration(properties, Duration.ofDays(366));
		properties.getToken().getRetry().setInitialBackoff(Duration.ZERO);
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.token.default-expires-in", "must be at most 365d, such as 5m"),
				problem("patternhealth.token.max-lifetime", "must be at most 365d, such as 24h"),
				problem("patternhealth.token.timeout", "must be at most 365d, such as 5s"),
				problem("patternhealth.token.rejected-credentials-cooldown", "must be at most 365d, such as 1s"),
				problem("patternhealth.token.unauthorized-replacement-interval", "must be at most 365d, such as 5s"),
				problem("patternhealth.token.retry.max-backoff", "must be at most 365d, such as 5s"),
				problem("patternhealth.token.retry.max-retry-after", "must be at most 365d, such as 2m"));
	}

	@Test
	void acceptsTheLongestAndShortestDurations() {
		PatternHealthProperties properties = properties("https://api.example.com");
		setEveryDuration(properties, Duration.ofDays(365));
		assertThat(problems(properties)).isEmpty();
		properties.getToken().setRejectedCredentialsCooldown(Duration.ZERO);
		properties.getToken().setUnauthorizedReplacementInterval(Duration.ZERO);
		properties.getToken().getRetry().setInitialBackoff(Duration.ZERO);
		properties.getToken().getRetry().setMaxRetryAfter(Duration.ZERO);
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void refusesAnInitialBackoffAboveTheMaxBackoff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setInitialBackoff(Duration.ofSeconds(6));
		assertThat(problems(properties)).containsExactly(problem("patternhealth.token.retry.initial-backoff",
				"must be between zero and patternhealth.token.retry.max-backoff"));
	}

	@Test
	void blamesOnlyTheMaxBackoffWhenItIsZero() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setMaxBackoff(Duration.ZERO);
		assertThat(problems(properties))
			.containsExactly(problem("patternhealth.token.retry.max-backoff", "must be positive, such as 5s"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void refusesRoundBackoffsThatAreNotPositive(String value) {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setRoundBackoff(DurationStyle.detectAndParse(value));
		properties.getToken().getRetry().setMaxRoundBackoff(DurationStyle.detectAndParse(value));
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.token.retry.round-backoff", "must be positive, such as 1s"),
				problem("patternhealth.token.retry.max-round-backoff", "must be positive, such as 30s"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1m" })
	void refusesARunTimeClientIdleTimeoutThatIsNotPositive(String value) {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.setRunTimeClientIdleTimeout(DurationStyle.detectAndParse(value));
		assertThat(problems(properties))
			.containsExactly(problem("patternhealth.run-time-client-idle-timeout", "must be positive, such as 1h"));
	}

	@Test
	void refusesARoundBackoffAboveTheLongestRoundBackoff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setRoundBackoff(Duration.ofSeconds(31));
		assertThat(problems(properties)).containsExactly(problem("patternhealth.token.retry.round-backoff",
				"must be at most patternhealth.token.retry.max-round-backoff"));
	}

	@Test
	void blamesOnlyTheLongestRoundBackoffWhenItIsTooLong() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setMaxRoundBackoff(Duration.ofDays(366));
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.token.retry.max-round-backoff", "must be at most 365d, such as 30s"));
	}

	@Test
	void acceptsARoundBackoffEqualToTheLongestRoundBackoff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setRoundBackoff(Duration.ofMillis(10));
		properties.getToken().getRetry().setMaxRoundBackoff(Duration.ofMillis(10));
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void refusesFewerThanOneAttempt() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setMaxAttempts(0);
		assertThat(problems(properties))
			.containsExactly(problem("patternhealth.token.retry.max-attempts", "is 0; it must be at least 1"));
	}

	@Test
	void reportsEveryProblemAtOnce() {
		PatternHealthProperties properties = new PatternHealthProperties();
		properties.setBaseUrl("http://api.example.com");
		properties.getToken().getRetry().setMaxAttempts(0);
		List<String> names = problems(properties).stream()
			.map(InvalidPatternHealthPropertiesException.Problem::property)
			.toList();
		assertThat(names).containsExactly("patternhealth.base-url", "patternhealth.client-id",
				"patternhealth.client-secret", "patternhealth.token.retry.max-attempts");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void refusesApiRetryDurationsThatAreNotPositive(String value) {
		PatternHealthProperties properties = properties("https://api.example.com");
		PatternHealthApiProperties.Retry retry = properties.getApi().getRetry();
		retry.setInitialBackoff(DurationStyle.detectAndParse(value));
		retry.setMaxBackoff(DurationStyle.detectAndParse(value));
		retry.setMaxWait(DurationStyle.detectAndParse(value));
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.api.retry.initial-backoff",
						"must be positive and at most patternhealth.api.retry.max-backoff"),
				problem("patternhealth.api.retry.max-backoff", "must be positive, such as 5s"),
				problem("patternhealth.api.retry.max-wait", "must be positive, such as 10s"));
	}

	@Test
	void refusesApiRetryDurationsLongerThanAYear() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getApi().getRetry().setMaxBackoff(Duration.ofDays(366));
		properties.getApi().getRetry().setMaxWait(Duration.ofDays(366));
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.api.retry.max-backoff", "must be at most 365d, such as 5s"),
				problem("patternhealth.api.retry.max-wait", "must be at most 365d, such as 10s"));
	}

	@Test
	void refusesAnApiInitialBackoffAboveTheMaxBackoff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getApi().getRetry().setInitialBackoff(Duration.ofSeconds(6));
		assertThat(problems(properties)).containsExactly(problem("patternhealth.api.retry.initial-backoff",
				"must be positive and at most patternhealth.api.retry.max-backoff"));
	}

	@Test
	void refusesFewerThanOneApiAttempt() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getApi().getRetry().setMaxAttempts(0);
		assertThat(problems(properties))
			.containsExactly(problem("patternhealth.api.retry.max-attempts", "is 0; it must be at least 1"));
	}

	@Test
	void acceptsOneApiAttemptAndAnInitialBackoffEqualToTheMaxBackoff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getApi().getRetry().setMaxAttempts(1);
		properties.getApi().getRetry().setInitialBackoff(Duration.ofSeconds(5));
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void ignoresTheApiRetrySettingsWhenRetriesAreOff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		PatternHealthApiProperties.Retry retry = properties.getApi().getRetry();
		retry.setEnabled(false);
		retry.setMaxAttempts(0);
		retry.setMaxWait(Duration.ZERO);
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void reportsTheProblemsOfPatternHealthAndOfEveryNamedClientInOneException() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().setTimeout(Duration.ZERO);
		PatternHealthProperties.Client acme = namedClient(properties, "acme");
		acme.getToken().setTimeout(Duration.ofSeconds(-1));
		acme.getToken().getRetry().setMaxAttempts(0);
		namedClient(properties, "beta").getApi().getRetry().setMaxWait(Duration.ofDays(366));
		assertThatExceptionOfType(InvalidPatternHealthPropertiesException.class)
			.isThrownBy(new PatternHealthPropertiesValidator(properties)::validate)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					problem("patternhealth.token.timeout", "must be positive, such as 5s"),
					problem("patternhealth.clients.acme.token.timeout", "must be positive, such as 5s"),
					problem("patternhealth.clients.acme.token.retry.max-attempts", "is 0; it must be at least 1"),
					problem("patternhealth.clients.beta.api.retry.max-wait", "must be at most 365d, such as 10s")));
	}

	@Test
	void reportsTheProblemOfASettingThatNamedClientsInheritOnceUnderPatternHealth() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().setTimeout(Duration.ZERO);
		properties.getToken().getRetry().setMaxBackoff(Duration.ZERO);
		properties.getApi().getRetry().setMaxAttempts(0);
		namedClient(properties, "acme").getToken().getRetry().setInitialBackoff(Duration.ofSeconds(1));
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.token.timeout", "must be positive, such as 5s"),
				problem("patternhealth.token.retry.max-backoff", "must be positive, such as 5s"),
				problem("patternhealth.api.retry.max-attempts", "is 0; it must be at least 1"));
	}

	@Test
	void checksTheSettingsANamedClientSetsAgainstThoseItInherits() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().getRetry().setMaxRoundBackoff(Duration.ofSeconds(10));
		PatternHealthProperties.Client acme = namedClient(properties, "acme");
		acme.getToken().setRefreshAhead(0.01);
		acme.getToken().getRetry().setInitialBackoff(Duration.ofSeconds(6));
		acme.getToken().getRetry().setRoundBackoff(Duration.ofSeconds(11));
		acme.getApi().getRetry().setMaxBackoff(Duration.ofMillis(100));
		assertThat(problems(properties)).containsExactly(problem(
				"patternhealth.clients.acme.token.refresh-ahead and patternhealth.clients.acme.token.expiry-margin",
				"are 0.01 and 0.02; they must satisfy 0 <= expiry-margin < refresh-ahead < 1, such as 0.1 and 0.02"),
				problem("patternhealth.clients.acme.token.retry.initial-backoff",
						"must be between zero and patternhealth.clients.acme.token.retry.max-backoff"),
				problem("patternhealth.clients.acme.token.retry.round-backoff",
						"must be at most patternhealth.clients.acme.token.retry.max-round-backoff"),
				problem("patternhealth.clients.acme.api.retry.initial-backoff",
						"must be positive and at most patternhealth.clients.acme.api.retry.max-backoff"));
	}

	@Test
	void checksEveryApiRetrySettingOfANamedClientThatTurnsRetriesOn() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getApi().getRetry().setEnabled(false);
		properties.getApi().getRetry().setMaxAttempts(0);
		namedClient(properties, "acme").getApi().getRetry().setEnabled(true);
		assertThat(problems(properties)).containsExactly(
				problem("patternhealth.clients.acme.api.retry.max-attempts", "is 0; it must be at least 1"));
	}

	@Test
	void ignoresTheApiRetrySettingsOfANamedClientThatTurnsRetriesOff() {
		PatternHealthProperties properties = properties("https://api.example.com");
		PatternHealthClientApiProperties.Retry retry = namedClient(properties, "acme").getApi().getRetry();
		retry.setEnabled(false);
		retry.setMaxAttempts(0);
		retry.setMaxWait(Duration.ZERO);
		assertThat(problems(properties)).isEmpty();
	}

	@Test
	void checksTheCredentialsOfANamedClientByItsOwnEncoding() {
		PatternHealthProperties properties = properties("https://api.example.com");
		properties.getToken().setEncodeCredentials(true);
		PatternHealthProperties.Client acme = namedClient(properties, "acme");
		acme.setClientId("tenant:acme");
		acme.getToken().setEncodeCredentials(false);
		PatternHealthProperties.Client beta = namedClient(properties, "beta");
		beta.setClientId("tenant:beta");
		assertThat(problems(properties)).containsExactly(problem("patternhealth.clients.acme.client-id",
				"contains ':', which Basic authentication cannot carry in a client ID unless the credentials are"
						+ " URL-encoded; set patternhealth.token.encode-credentials=true, which URL-encodes them first"));
		properties.getToken().setEncodeCredentials(false);
		acme.getToken().setEncodeCredentials(true);
		beta.getToken().setEncodeCredentials(true);
		assertThat(problems(properties)).isEmpty();
	}

	private static PatternHealthProperties.Client namedClient(PatternHealthProperties properties, String name) {
		PatternHealthProperties.Client client = new PatternHealthProperties.Client();
		client.setBaseUrl("https://" + name + ".example.com");
		client.setClientId(name + "-id");
		client.setClientSecret(name + "-secret");
		properties.getClients().put(name, client);
		return client;
	}

	private static PatternHealthProperties properties(String baseUrl) {
		PatternHealthProperties properties = new PatternHealthProperties();
		properties.setBaseUrl(baseUrl);
		properties.setClientId("client");
		properties.setClientSecret("secret");
		return properties;
	}

	private static void setEveryDuration(PatternHealthProperties properties, Duration duration) {
		PatternHealthTokenProperties token = properties.getToken();
		token.setDefaultExpiresIn(duration);
		token.setMaxLifetime(duration);
		token.setTimeout(duration);
		token.setRejectedCredentialsCooldown(duration);
		token.setUnauthorizedReplacementInterval(duration);
		token.getRetry().setInitialBackoff(duration);
		token.getRetry().setMaxBackoff(duration);
		token.getRetry().setMaxRetryAfter(duration);
	}

	private static List<InvalidPatternHealthPropertiesException.Problem> problems(PatternHealthProperties properties) {
		return new PatternHealthPropertiesValidator(properties).problems();
	}

	private static InvalidPatternHealthPropertiesException.Problem problem(String property, String reason) {
		return new InvalidPatternHealthPropertiesException.Problem(property, reason);
	}

}
