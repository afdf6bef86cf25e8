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

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Configuration properties of the Pattern Health client. They are checked when the bean
 * is initialized, by {@link PatternHealthPropertiesValidator}.
 *
 * @author Pattern Health Spring Boot authors
 */
@ConfigurationProperties("patternhealth")
public class PatternHealthProperties implements InitializingBean {

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

	private final Api api = new Api();

	/**
	 * Further Pattern Health clients by name, each with its own base URL, credentials and
	 * token cache. Under patternhealth.clients.<name>.token and .api, a client may set
	 * token and API settings of its own; the others are those of patternhealth.token and
	 * patternhealth.api.
	 */
	private final Map<String, Client> clients = new LinkedHashMap<>();

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

	public Api getApi() {
		return this.api;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	@Override
	public void afterPropertiesSet() {
		new PatternHealthPropertiesValidator(this).validate();
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

	/**
	 * A named Pattern Health client.
	 */
	public static class Client {

		/**
		 * Base URL of this client's Pattern Health API: scheme, host and optional port.
		 */
		private @Nullable String baseUrl;

		/**
		 * Client ID of this client's credentials.
		 */
		private @Nullable String clientId;

		/**
		 * Client secret of this client's credentials.
		 */
		private @Nullable String clientSecret;

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
		 * Longest lifetime given to a token, whatever its expires_in says.
		 */
		private Duration maxLifetime = Duration.ofHours(24);

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

		/**
		 * Shortest time between two token requests caused by 401 answers of the API. A
		 * 401 to a token younger than this is the resource's answer and is handed to the
		 * caller without a new token.
		 */
		private Duration unauthorizedReplacementInterval = Duration.ofSeconds(5);

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

		public Duration getMaxLifetime() {
			return this.maxLifetime;
		}

		public void setMaxLifetime(Duration maxLifetime) {
			this.maxLifetime = maxLifetime;
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

		public Duration getUnauthorizedReplacementInterval() {
			return this.unauthorizedReplacementInterval;
		}

		public void setUnauthorizedReplacementInterval(Duration unauthorizedReplacementInterval) {
			this.unauthorizedReplacementInterval = unauthorizedReplacementInterval;
		}

		public Retry getRetry() {
			return this.retry;
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
		 * Longest delay between two attempts of one token request. A Retry-After longer
		 * than this ends the attempts, and the next token request waits for it.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Longest Retry-After of the token endpoint that is honoured; a longer one is cut
		 * to this.
		 */
		private Duration maxRetryAfter = Duration.ofMinutes(2);

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

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Settings of the calls to the Pattern Health API.
	 */
	public static class Api {

		private final Retry retry = new Retry();

		public Retry getRetry() {
			return this.retry;
		}

		/**
		 * Sending an idempotent API request again after a 429 or 503 answer.
		 */
		public static class Retry {

			/**
			 * Whether to send a GET, HEAD, OPTIONS, PUT or DELETE request again when
			 * Pattern Health answers 429 or 503.
			 */
			private boolean enabled = true;

			/**
			 * Number of attempts of an API request answered 429 or 503, the first attempt
			 * included.
			 */
			private int maxAttempts = 3;

			/**
			 * Delay before the second attempt. It doubles with each attempt, with jitter.
			 */
			private Duration initialBackoff = Duration.ofMillis(500);

			/**
			 * Longest delay between two attempts, unless the answer's Retry-After asks
			 * for more.
			 */
			private Duration maxBackoff = Duration.ofSeconds(5);

			/**
			 * Longest wait before an attempt. An answer whose Retry-After asks for longer
			 * goes to the caller at once.
			 */
			private Duration maxWait = Duration.ofSeconds(10);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

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

			public Duration getMaxWait() {
				return this.maxWait;
			}

			public void setMaxWait(Duration maxWait) {
				this.maxWait = maxWait;
			}

		}

	}

}
