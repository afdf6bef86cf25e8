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

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Configuration properties of the Pattern Health client.
 *
 * @author Pattern Health Spring Boot authors
 */
@ConfigurationProperties("patternhealth")
public class PatternHealthProperties implements InitializingBean {

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/**
	 * Whether to enable the Pattern Health client.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the Pattern Health API: scheme, host and optional port, such as
	 * https://api.example.com.
	 */
	private @Nullable String baseUrl;

	/**
	 * Client ID of the Pattern Health API credentials.
	 */
	private @Nullable String clientId;

	/**
	 * Client secret of the Pattern Health API credentials.
	 */
	private @Nullable String clientSecret;

	/**
	 * Path of the token endpoint, appended to the base URL.
	 */
	private String tokenPath = "/api/auth/token";

	/**
	 * Whether to allow an http (not https) base URL on a host other than loopback, which
	 * sends the client secret and tokens in clear text.
	 */
	private boolean allowInsecureHttp;

	private final Token token = new Token();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public String getTokenPath() {
		return this.tokenPath;
	}

	public void setTokenPath(String tokenPath) {
		this.tokenPath = tokenPath;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public Token getToken() {
		return this.token;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.enabled) {
			List<InvalidPatternHealthPropertiesException.Problem> problems = validate();
			if (!problems.isEmpty()) {
				throw new InvalidPatternHealthPropertiesException(problems);
			}
		}
	}

	List<InvalidPatternHealthPropertiesException.Problem> validate() {
		List<InvalidPatternHealthPropertiesException.Problem> problems = new ArrayList<>();
		if (!StringUtils.hasText(this.baseUrl)) {
			problems.add(missing("patternhealth.base-url",
					"the address of your Pattern Health host, such as https://api.example.com"));
		}
		else {
			String invalid = checkBaseUrl(this.baseUrl.strip());
			if (invalid != null) {
				problems.add(new InvalidPatternHealthPropertiesException.Problem("patternhealth.base-url", invalid));
			}
		}
		if (!StringUtils.hasText(this.clientId)) {
			problems.add(
					missing("patternhealth.client-id", "the client ID from the Pattern Health administrative console"));
		}
		if (!StringUtils.hasText(this.clientSecret)) {
			problems.add(missing("patternhealth.client-secret", "the client secret that belongs to the client ID"));
		}
		if (!StringUtils.hasText(this.tokenPath) || !this.tokenPath.startsWith("/")) {
			problems.add(
					new InvalidPatternHealthPropertiesException.Problem("patternhealth.token-path", "'" + this.tokenPath
							+ "' is not a path; set it to a path that starts with '/', such as /api/auth/token"));
		}
		this.token.validate(problems);
		return problems;
	}

	/**
	 * Return the base URL without a trailing slash. Only valid after validation.
	 * @return the base URL
	 */
	URI baseUri() {
		return URI.create(StringUtils.trimTrailingCharacter(this.baseUrl.strip(), '/'));
	}

	/**
	 * Return the URI of the token endpoint. Only valid after validation.
	 * @return the token URI
	 */
	URI tokenUri() {
		return URI.create(baseUri() + this.tokenPath);
	}

	private @Nullable String checkBaseUrl(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return "'" + value + "' is not a URL; set it to scheme and host, such as https://api.example.com";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getRawAuthority() == null) {
			return "'" + value
					+ "' is not an absolute http or https URL; set it to scheme and host, such as https://api.example.com";
		}
		if (!StringUtils.hasText(uri.getHost())) {
			return "'" + value + "' has no valid host name; set it to scheme and host, such as https://api.example.com";
		}
		if (uri.getPort() > 65535) {
			return "'" + value + "' has port " + uri.getPort() + ", above 65535; set a valid port or none";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			return "'" + value + "' has a query or a fragment; set it to scheme, host and optional port only";
		}
		if (uri.getRawUserInfo() != null) {
			return "the URL carries user information; remove it and set patternhealth.client-id and patternhealth.client-secret instead";
		}
		if ("http".equals(scheme) && !this.allowInsecureHttp && !isLoopback(uri.getHost())) {
			return "'" + value + "' uses http on a host other than loopback, which would send the client secret"
					+ " in clear text; use https, or set patternhealth.allow-insecure-http=true";
		}
		return null;
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

	private static InvalidPatternHealthPropertiesException.Problem missing(String property, String meaning) {
		return new InvalidPatternHealthPropertiesException.Problem(property, "is not set; set it to " + meaning);
	}

	/**
	 * Settings of the access token's lifecycle.
	 */
	public static class Token {

		/**
		 * Whether to URL-encode the client ID and secret before Base64 encoding them, as
		 * RFC 6749 section 2.3.1 asks. Pattern Health expects them as written.
		 */
		private boolean encodeCredentials;

		/**
		 * Lifetime of a token whose answer has no expires_in.
		 */
		private Duration defaultExpiresIn = Duration.ofMinutes(5);

		/**
		 * Share of a token's lifetime, counted back from its expiry, during which one
		 * background refresh runs while calls keep using the token.
		 */
		private double refreshAhead = 0.1;

		/**
		 * Share of a token's lifetime, counted back from its expiry, during which calls
		 * no longer use it and wait for a new one.
		 */
		private double expiryMargin = 0.02;

		/**
		 * Time limit of one token request, from connecting to reading the answer.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * How long after Pattern Health rejected the credentials calls fail at once,
		 * without asking the token endpoint again.
		 */
		private Duration rejectedCredentialsCooldown = Duration.ofSeconds(1);

		private final Retry retry = new Retry();

		public boolean isEncodeCredentials() {
			return this.encodeCredentials;
		}

		public void setEncodeCredentials(boolean encodeCredentials) {
			this.encodeCredentials = encodeCredentials;
		}

		public Duration getDefaultExpiresIn() {
			return this.defaultExpiresIn;
		}

		public void setDefaultExpiresIn(Duration defaultExpiresIn) {
			this.defaultExpiresIn = defaultExpiresIn;
		}

		public double getRefreshAhead() {
			return this.refreshAhead;
		}

		public void setRefreshAhead(double refreshAhead) {
			this.refreshAhead = refreshAhead;
		}

		public double getExpiryMargin() {
			return this.expiryMargin;
		}

		public void setExpiryMargin(double expiryMargin) {
			this.expiryMargin = expiryMargin;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getRejectedCredentialsCooldown() {
			return this.rejectedCredentialsCooldown;
		}

		public void setRejectedCredentialsCooldown(Duration rejectedCredentialsCooldown) {
			this.rejectedCredentialsCooldown = rejectedCredentialsCooldown;
		}

		public Retry getRetry() {
			return this.retry;
		}

		void validate(List<InvalidPatternHealthPropertiesException.Problem> problems) {
			if (!(this.expiryMargin >= 0 && this.expiryMargin < this.refreshAhead && this.refreshAhead < 1)) {
				problems.add(new InvalidPatternHealthPropertiesException.Problem(
						"patternhealth.token.refresh-ahead and patternhealth.token.expiry-margin",
						"are " + this.refreshAhead + " and " + this.expiryMargin
								+ "; they must satisfy 0 <= expiry-margin < refresh-ahead < 1, such as 0.1 and 0.02"));
			}
			if (this.defaultExpiresIn.isNegative() || this.defaultExpiresIn.isZero()) {
				problems.add(new InvalidPatternHealthPropertiesException.Problem(
						"patternhealth.token.default-expires-in", "must be positive, such as 5m"));
			}
			if (this.timeout.isNegative() || this.timeout.isZero()) {
				problems.add(new InvalidPatternHealthPropertiesException.Problem("patternhealth.token.timeout",
						"must be positive, such as 5s"));
			}
			this.retry.validate(problems);
		}

	}

	/**
	 * Retries of token requests that failed for a reason that may pass.
	 */
	public static class Retry {

		/**
		 * Number of attempts of a token request that fails with 408, 429, 5xx, an I/O
		 * error or a timeout, the first attempt included.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the second attempt. It doubles with each attempt, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest delay between two attempts. A longer Retry-After ends the retries.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		void validate(List<InvalidPatternHealthPropertiesException.Problem> problems) {
			if (this.maxAttempts < 1) {
				problems
					.add(new InvalidPatternHealthPropertiesException.Problem("patternhealth.token.retry.max-attempts",
							"is " + this.maxAttempts + "; it must be at least 1"));
			}
			if (this.initialBackoff.isNegative() || this.initialBackoff.compareTo(this.maxBackoff) > 0) {
				problems.add(
						new InvalidPatternHealthPropertiesException.Problem("patternhealth.token.retry.initial-backoff",
								"must be between zero and patternhealth.token.retry.max-backoff"));
			}
		}

	}

}
