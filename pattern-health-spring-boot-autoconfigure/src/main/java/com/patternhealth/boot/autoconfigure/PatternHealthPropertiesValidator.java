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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks {@link PatternHealthProperties} when the application starts and reports every
 * problem at once, those of every named client included, each naming the property to fix.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthPropertiesValidator {

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** The longest duration that any setting accepts. */
	private static final Duration LONGEST = Duration.ofDays(365);

	private static final String UNLESS_ENCODED = " unless the credentials are URL-encoded; set"
			+ " patternhealth.token.encode-credentials=true, which URL-encodes them first";

	private final PatternHealthProperties properties;

	PatternHealthPropertiesValidator(PatternHealthProperties properties) {
		this.properties = properties;
	}

	/**
	 * Throw an {@link InvalidPatternHealthPropertiesException} that lists every problem,
	 * unless there is none or the Pattern Health client is turned off.
	 */
	void validate() {
		if (this.properties.isEnabled()) {
			List<InvalidPatternHealthPropertiesException.Problem> problems = problems();
			if (!problems.isEmpty()) {
				throw new InvalidPatternHealthPropertiesException(problems);
			}
		}
	}

	/**
	 * Return every problem of the properties, in the order of the properties: those of
	 * {@code patternhealth.*}, then those of each named client.
	 * @return the problems, empty if there is none
	 */
	List<InvalidPatternHealthPropertiesException.Problem> problems() {
		Problems problems = new Problems();
		PatternHealthTokenProperties token = this.properties.getToken();
		PatternHealthApiProperties.Retry apiRetry = this.properties.getApi().getRetry();
		boolean insecure = this.properties.isAllowInsecureHttp();
		if (hasSingleClient(this.properties)) {
			checkClient("patternhealth.", this.properties.getBaseUrl(), this.properties.getClientId(),
					this.properties.getClientSecret(), insecure, token.isEncodeCredentials(), problems);
		}
		String tokenPath = this.properties.getTokenPath();
		if (!StringUtils.hasText(tokenPath) || !tokenPath.startsWith("/")) {
			problems.reject("patternhealth.token-path", "'" + tokenPath
					+ "' is not a path; set it to a path that starts with '/', such as /api/auth/token");
		}
		checkToken("patternhealth.", token, null, problems);
		checkApiRetry("patternhealth.", apiRetry, null, problems);
		checkPositive("patternhealth.run-time-client-idle-timeout", this.properties.getRunTimeClientIdleTimeout(), "1h",
				problems);
		PatternHealthPropertiesMapper mapper = new PatternHealthPropertiesMapper(this.properties);
		this.properties.getClients().forEach((name, client) -> {
			String prefix = PatternHealthProperties.Client.prefix(name);
			PatternHealthTokenProperties clientToken = mapper.token(client);
			checkClient(prefix, client.getBaseUrl(), client.getClientId(), client.getClientSecret(), insecure,
					clientToken.isEncodeCredentials(), problems);
			checkToken(prefix, clientToken, client.getToken(), problems);
			// With retries off, patternhealth.api.retry.* went unchecked: a client that
			// turns them on answers for every one of them
			checkApiRetry(prefix, mapper.api(client).getRetry(),
					apiRetry.isEnabled() ? client.getApi().getRetry() : null, problems);
		});
		return problems.list();
	}

	/**
	 * Check the base URL and the credentials of a client made at run time by the rules of
	 * configured clients, with their messages.
	 * @param baseUrl the base URL
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @param properties the properties, which tell whether http and encoded credentials
	 * are allowed
	 * @throws IllegalArgumentException that names every problem
	 */
	static void checkRunTimeClient(String baseUrl, String clientId, String clientSecret,
			PatternHealthProperties properties) {
		Problems problems = new Problems();
		checkClient("", baseUrl, clientId, clientSecret, properties.isAllowInsecureHttp(),
				properties.getToken().isEncodeCredentials(), problems);
		List<InvalidPatternHealthPropertiesException.Problem> found = problems.list();
		if (!found.isEmpty()) {
			throw new IllegalArgumentException("Cannot make a Pattern Health client for client '" + clientId + "': "
					+ found.stream()
						.map(InvalidPatternHealthPropertiesException.Problem::toString)
						.collect(Collectors.joining("; ")));
		}
	}

	/**
	 * Whether {@code patternhealth.*} configures a client of its own: always, unless only
	 * named clients are configured under {@code patternhealth.clients}.
	 * @param properties the properties
	 * @return whether the single client is configured
	 */
	static boolean hasSingleClient(PatternHealthProperties properties) {
		return properties.getClients().isEmpty() || StringUtils.hasText(properties.getBaseUrl())
				|| StringUtils.hasText(properties.getClientId()) || StringUtils.hasText(properties.getClientSecret());
	}

	/**
	 * Check the base URL and the credentials of one client, whose properties start with
	 * the given prefix.
	 */
	private static void checkClient(String prefix, @Nullable String baseUrl, @Nullable String clientId,
			@Nullable String clientSecret, boolean allowInsecureHttp, boolean encodeCredentials, Problems problems) {
		if (!StringUtils.hasText(baseUrl)) {
			problems.rejectMissing(prefix + "base-url",
					"the address of your Pattern Health host, such as https://api.example.com");
		}
		else {
			String invalid = checkBaseUrl(baseUrl.strip(), allowInsecureHttp);
			if (invalid != null) {
				problems.reject(prefix + "base-url", invalid);
			}
		}
		if (!StringUtils.hasText(clientId)) {
			problems.rejectMissing(prefix + "client-id",
					"the client ID from the Pattern Health administrative console");
		}
		else {
			checkCredential(prefix + "client-id", clientId, true, encodeCredentials, problems);
		}
		if (!StringUtils.hasText(clientSecret)) {
			problems.rejectMissing(prefix + "client-secret", "the client secret that belongs to the client ID");
		}
		else {
			checkCredential(prefix + "client-secret", clientSecret, false, encodeCredentials, problems);
		}
	}

	private static @Nullable String checkBaseUrl(String value, boolean allowInsecureHttp) {
		// First, as every later message quotes the URL
		if (hasUserInfo(value)) {
			return "the URL carries user information; remove it and set patternhealth.client-id and patternhealth.client-secret instead";
		}
		String shown = "'" + withoutUserInfo(value) + "'";
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return shown + " is not a URL; set it to scheme and host, such as https://api.example.com";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getRawAuthority() == null) {
			return shown
					+ " is not an absolute http or https URL; set it to scheme and host, such as https://api.example.com";
		}
		if (!StringUtils.hasText(uri.getHost())) {
			return shown + " has no valid host name; set it to scheme and host, such as https://api.example.com";
		}
		if (uri.getPort() > 65535) {
			return shown + " has port " + uri.getPort() + ", above 65535; set a valid port or none";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return shown + " has a query or a fragment; set it to scheme, host and optional port only";
		}
		if ("http".equals(scheme) && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			return shown + " uses http on a host other than loopback, which would send the client secret"
					+ " in clear text; use https, or set patternhealth.allow-insecure-http=true";
		}
		return null;
	}

	/**
	 * Whether the authority of the URL (after "://", up to the first '/', '?' or '#')
	 * holds user information, which may be a password.
	 */
	private static boolean hasUserInfo(String url) {
		int scheme = url.indexOf("://");
		return scheme >= 0 && url.substring(scheme + 3).split("[/?#]", 2)[0].contains("@");
	}

	/**
	 * Return the URL with everything between "://" and its last '@' masked: a password
	 * that holds '/', '?' or '#' ends the authority early, and none of it may show.
	 */
	private static String withoutUserInfo(String url) {
		int scheme = url.indexOf("://");
		int at = url.lastIndexOf('@');
		return (scheme >= 0 && at > scheme) ? url.substring(0, scheme + 3) + "******" + url.substring(at) : url;
	}

	private static boolean isLoopback(String host) {
		String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if ("localhost".equalsIgnoreCase(name)) {
			return true;
		}
		if (!IPV4_LITERAL.matcher(name).matches() && !name.contains(":")) {
			// A host name other than localhost is not resolved: no lookup at startup
			return false;
		}
		try {
			return InetAddress.getByName(name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * Check that the token request can carry a client ID or secret: a client ID or secret
	 * sent as written in Basic authentication may hold no character outside ISO-8859-1,
	 * and a client ID no ':', which otherwise fail the first token request. The messages
	 * never show the value, which may be the secret.
	 */
	private static void checkCredential(String property, String value, boolean clientId, boolean encodeCredentials,
			Problems problems) {
		if (isSpace(value.charAt(0)) || isSpace(value.charAt(value.length() - 1))) {
			problems.reject(property,
					"starts or ends with whitespace, most likely copied with it; remove the whitespace");
		}
		if (encodeCredentials) {
			return;
		}
		if (clientId && value.indexOf(':') >= 0) {
			problems.reject(property,
					"contains ':', which Basic" + " authentication cannot carry in a client ID" + UNLESS_ENCODED);
		}
		int outside = value.codePoints().filter((codePoint) -> codePoint > 0xFF).findFirst().orElse(-1);
		if (outside >= 0) {
			String character = clientId ? String.format("U+%04X, ", outside) : "";
			problems.reject(property, "contains " + character
					+ "a character outside ISO-8859-1, which Basic authentication cannot carry" + UNLESS_ENCODED);
		}
	}

	private static boolean isSpace(char character) {
		return Character.isWhitespace(character) || Character.isSpaceChar(character);
	}

	/**
	 * Check the token settings under the given prefix: all of those of
	 * {@code patternhealth.token}, and of a named client those it sets, alone or with a
	 * setting they are compared with. Those it leaves unset are checked under
	 * {@code patternhealth.token}, which reports each of their problems once.
	 * @param prefix the prefix of the client's properties
	 * @param token the token settings that apply to the client
	 * @param own the settings the named client sets, or {@code null} for
	 * {@code patternhealth.token}
	 * @param problems where to report the problems
	 */
	private static void checkToken(String prefix, PatternHealthTokenProperties token,
			@Nullable PatternHealthClientTokenProperties own, Problems problems) {
		if (!(token.getExpiryMargin() >= 0 && token.getExpiryMargin() < token.getRefreshAhead()
				&& token.getRefreshAhead() < 1)) {
			problems
				.of(own, PatternHealthClientTokenProperties::getRefreshAhead,
						PatternHealthClientTokenProperties::getExpiryMargin)
				.reject(prefix + "token.refresh-ahead and " + prefix + "token.expiry-margin",
						"are " + token.getRefreshAhead() + " and " + token.getExpiryMargin()
								+ "; they must satisfy 0 <= expiry-margin < refresh-ahead < 1, such as 0.1 and 0.02");
		}
		checkPositive(prefix + "token.default-expires-in", token.getDefaultExpiresIn(), "5m",
				problems.of(own, PatternHealthClientTokenProperties::getDefaultExpiresIn));
		checkPositive(prefix + "token.max-lifetime", token.getMaxLifetime(), "24h",
				problems.of(own, PatternHealthClientTokenProperties::getMaxLifetime));
		checkPositive(prefix + "token.timeout", token.getTimeout(), "5s",
				problems.of(own, PatternHealthClientTokenProperties::getTimeout));
		checkNotNegative(prefix + "token.rejected-credentials-cooldown", token.getRejectedCredentialsCooldown(), "1s",
				problems.of(own, PatternHealthClientTokenProperties::getRejectedCredentialsCooldown));
		checkNotNegative(prefix + "token.unauthorized-replacement-interval", token.getUnauthorizedReplacementInterval(),
				"5s", problems.of(own, PatternHealthClientTokenProperties::getUnauthorizedReplacementInterval));
		PatternHealthTokenProperties.Retry retry = token.getRetry();
		PatternHealthClientTokenProperties.@Nullable Retry ownRetry = (own != null) ? own.getRetry() : null;
		checkAttempts(prefix + "token.retry.max-attempts", retry.getMaxAttempts(),
				problems.of(ownRetry, PatternHealthClientTokenProperties.Retry::getMaxAttempts));
		checkBackoff(prefix + "token.retry.", retry.getInitialBackoff(), retry.getMaxBackoff(), true,
				problems.of(ownRetry, PatternHealthClientTokenProperties.Retry::getInitialBackoff,
						PatternHealthClientTokenProperties.Retry::getMaxBackoff),
				problems.of(ownRetry, PatternHealthClientTokenProperties.Retry::getMaxBackoff));
		checkNotNegative(prefix + "token.retry.max-retry-after", retry.getMaxRetryAfter(), "2m",
				problems.of(ownRetry, PatternHealthClientTokenProperties.Retry::getMaxRetryAfter));
		checkRoundBackoff(prefix + "token.retry.", retry, ownRetry, problems);
	}

	/**
	 * Check the backoff between failed rounds of token requests: both positive, the first
	 * at most the longest; compared only when both are valid, so that one mistake makes
	 * one problem.
	 */
	private static void checkRoundBackoff(String prefix, PatternHealthTokenProperties.Retry retry,
			PatternHealthClientTokenProperties.@Nullable Retry own, Problems problems) {
		boolean roundBackoffValid = checkPositive(prefix + "round-backoff", retry.getRoundBackoff(), "1s",
				problems.of(own, PatternHealthClientTokenProperties.Retry::getRoundBackoff));
		boolean maxRoundBackoffValid = checkPositive(prefix + "max-round-backoff", retry.getMaxRoundBackoff(), "30s",
				problems.of(own, PatternHealthClientTokenProperties.Retry::getMaxRoundBackoff));
		if (roundBackoffValid && maxRoundBackoffValid
				&& retry.getRoundBackoff().compareTo(retry.getMaxRoundBackoff()) > 0) {
			problems
				.of(own, PatternHealthClientTokenProperties.Retry::getRoundBackoff,
						PatternHealthClientTokenProperties.Retry::getMaxRoundBackoff)
				.reject(prefix + "round-backoff", "must be at most " + prefix + "max-round-backoff");
		}
	}

	/**
	 * Check the API retry settings under the given prefix, as
	 * {@link #checkToken(String, PatternHealthTokenProperties, PatternHealthClientTokenProperties, Problems)}
	 * checks the token settings; none when retries are off.
	 * @param prefix the prefix of the client's properties
	 * @param retry the API retry settings that apply to the client
	 * @param own the settings the named client sets, or {@code null} for all of them
	 * @param problems where to report the problems
	 */
	private static void checkApiRetry(String prefix, PatternHealthApiProperties.Retry retry,
			PatternHealthClientApiProperties.@Nullable Retry own, Problems problems) {
		if (!retry.isEnabled()) {
			return;
		}
		checkAttempts(prefix + "api.retry.max-attempts", retry.getMaxAttempts(),
				problems.of(own, PatternHealthClientApiProperties.Retry::getMaxAttempts));
		checkBackoff(prefix + "api.retry.", retry.getInitialBackoff(), retry.getMaxBackoff(), false,
				problems.of(own, PatternHealthClientApiProperties.Retry::getInitialBackoff,
						PatternHealthClientApiProperties.Retry::getMaxBackoff),
				problems.of(own, PatternHealthClientApiProperties.Retry::getMaxBackoff));
		checkPositive(prefix + "api.retry.max-wait", retry.getMaxWait(), "10s",
				problems.of(own, PatternHealthClientApiProperties.Retry::getMaxWait));
	}

	private static void checkAttempts(String property, int maxAttempts, Problems problems) {
		if (maxAttempts < 1) {
			problems.reject(property, "is " + maxAttempts + "; it must be at least 1");
		}
	}

	/**
	 * Check the initial and the longest backoff of the retries under the given prefix. A
	 * problem of the initial backoff, which is compared with the longest, goes to
	 * {@code initialBackoffProblems}, one of the longest to {@code maxBackoffProblems}.
	 */
	private static void checkBackoff(String prefix, Duration initialBackoff, Duration maxBackoff,
			boolean zeroInitialAllowed, Problems initialBackoffProblems, Problems maxBackoffProblems) {
		boolean maxBackoffValid = !maxBackoff.isNegative() && !maxBackoff.isZero() && !isTooLong(maxBackoff);
		boolean initialTooShort = zeroInitialAllowed ? initialBackoff.isNegative()
				: (initialBackoff.isNegative() || initialBackoff.isZero());
		// Compared with max-backoff only when that one is valid: one mistake, one problem
		if (initialTooShort || (maxBackoffValid && initialBackoff.compareTo(maxBackoff) > 0)) {
			initialBackoffProblems.reject(prefix + "initial-backoff",
					(zeroInitialAllowed ? "must be between zero and " : "must be positive and at most ") + prefix
							+ "max-backoff");
		}
		checkPositive(prefix + "max-backoff", maxBackoff, "5s", maxBackoffProblems);
	}

	/**
	 * Check that the duration is positive and not too long.
	 * @return whether it is
	 */
	private static boolean checkPositive(String property, Duration value, String example, Problems problems) {
		if (value.isNegative() || value.isZero()) {
			problems.reject(property, "must be positive, such as " + example);
			return false;
		}
		return checkNotTooLong(property, value, example, problems);
	}

	private static void checkNotNegative(String property, Duration value, String example, Problems problems) {
		if (value.isNegative()) {
			problems.reject(property, "must be zero or positive, such as " + example);
		}
		else {
			checkNotTooLong(property, value, example, problems);
		}
	}

	private static boolean checkNotTooLong(String property, Duration value, String example, Problems problems) {
		if (isTooLong(value)) {
			problems.reject(property, "must be at most 365d, such as " + example);
			return false;
		}
		return true;
	}

	/**
	 * Whether the duration is longer than any setting needs. The token cache times in
	 * nanoseconds, which overflow beyond about 292 years, and adds and multiplies these
	 * settings: a year keeps every such sum far from that.
	 */
	private static boolean isTooLong(Duration value) {
		return value.compareTo(LONGEST) > 0;
	}

	/**
	 * The problems found, in the order they are found: the one place that makes a problem
	 * of a property.
	 */
	private static final class Problems {

		private final List<InvalidPatternHealthPropertiesException.Problem> found;

		private final boolean reported;

		Problems() {
			this(new ArrayList<>(), true);
		}

		private Problems(List<InvalidPatternHealthPropertiesException.Problem> found, boolean reported) {
			this.found = found;
			this.reported = reported;
		}

		void reject(String property, String reason) {
			if (this.reported) {
				this.found.add(new InvalidPatternHealthPropertiesException.Problem(property, reason));
			}
		}

		void rejectMissing(String property, String meaning) {
			reject(property, "is not set; set it to " + meaning);
		}

		/**
		 * Return where to report the problems of the given settings of a named client:
		 * here when it sets any of them, or nowhere when it inherits them all, as their
		 * problems are reported under {@code patternhealth.*} already.
		 * @param <T> the type of the client's own settings
		 * @param own the client's own settings, or {@code null} for those of
		 * {@code patternhealth.*}, which are always reported
		 * @param settings the settings the problems are about
		 * @return the problems to report to
		 */
		@SafeVarargs
		private <T> Problems of(@Nullable T own, Setting<T>... settings) {
			if (own == null) {
				return this;
			}
			for (Setting<T> setting : settings) {
				if (setting.of(own) != null) {
					return this;
				}
			}
			return new Problems(this.found, false);
		}

		List<InvalidPatternHealthPropertiesException.Problem> list() {
			return List.copyOf(this.found);
		}

	}

	/**
	 * One setting of a named client's own settings, which it may leave unset.
	 *
	 * @param <T> the type of the client's own settings
	 */
	@FunctionalInterface
	private interface Setting<T> {

		@Nullable Object of(T settings);

	}

}
