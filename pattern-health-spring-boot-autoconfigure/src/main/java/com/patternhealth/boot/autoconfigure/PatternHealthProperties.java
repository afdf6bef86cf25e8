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

import com.patternhealth.boot.origin.PatternHealthBaseUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.Assert;

/**
 * Configuration properties of the Pattern Health client. They are checked when the bean
 * is initialized, by {@link PatternHealthPropertiesValidator}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
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

	@NestedConfigurationProperty
	private final PatternHealthTokenProperties token = new PatternHealthTokenProperties();

	@NestedConfigurationProperty
	private final PatternHealthApiProperties api = new PatternHealthApiProperties();

	/**
	 * Further Pattern Health clients by name, each with its own base URL, credentials and
	 * token cache. Under patternhealth.clients.<name>.token and .api, a client may set
	 * token and API settings of its own; each one it leaves unset is that of
	 * patternhealth.token or patternhealth.api.
	 */
	private final Map<String, Client> clients = new LinkedHashMap<>();

	/**
	 * How long a client made at run time (PatternHealthClients.forCredentials) is kept
	 * without a call before it is dropped and its token cache closed.
	 */
	private Duration runTimeClientIdleTimeout = Duration.ofHours(1);

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

	public PatternHealthTokenProperties getToken() {
		return this.token;
	}

	public PatternHealthApiProperties getApi() {
		return this.api;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public Duration getRunTimeClientIdleTimeout() {
		return this.runTimeClientIdleTimeout;
	}

	public void setRunTimeClientIdleTimeout(Duration runTimeClientIdleTimeout) {
		this.runTimeClientIdleTimeout = runTimeClientIdleTimeout;
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
		String baseUrl = required(this.baseUrl, "patternhealth.base-url");
		return PatternHealthBaseUrl.of(baseUrl);
	}

	/**
	 * Return the client id. Only valid after validation.
	 * @return the client id
	 */
	String clientId() {
		return required(this.clientId, "patternhealth.client-id");
	}

	/**
	 * Return the client secret. Only valid after validation.
	 * @return the client secret
	 */
	String clientSecret() {
		return required(this.clientSecret, "patternhealth.client-secret");
	}

	/**
	 * Return the value of a property that validation requires.
	 * @param value the value of the property
	 * @param property the name of the property
	 * @return the value
	 * @throws IllegalStateException if the property is not set: the properties were not
	 * validated
	 */
	static String required(@Nullable String value, String property) {
		Assert.state(value != null, () -> "'" + property + "' is not set: the properties were not validated");
		return value;
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

		/**
		 * Token settings of this client. Those it leaves unset are those of
		 * patternhealth.token.
		 */
		private final PatternHealthClientTokenProperties token = new PatternHealthClientTokenProperties();

		/**
		 * Settings of this client's API calls. Those it leaves unset are those of
		 * patternhealth.api.
		 */
		private final PatternHealthClientApiProperties api = new PatternHealthClientApiProperties();

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

		public PatternHealthClientTokenProperties getToken() {
			return this.token;
		}

		public PatternHealthClientApiProperties getApi() {
			return this.api;
		}

		/**
		 * Return the prefix of the properties of the client of the given name.
		 * @param name the name of the client
		 * @return the prefix, ending with a dot
		 */
		static String prefix(String name) {
			return "patternhealth.clients." + name + ".";
		}

	}

}
