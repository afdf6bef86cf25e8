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

import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenCacheBuilder;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Maps {@link PatternHealthProperties} to the token cache and to the policy of sending
 * API requests again, and lays the token and API settings of each named client over those
 * of {@code patternhealth.token} and {@code patternhealth.api}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthPropertiesMapper {

	private final PatternHealthProperties properties;

	/**
	 * Create a mapper of the given properties.
	 * @param properties the bound properties
	 */
	public PatternHealthPropertiesMapper(PatternHealthProperties properties) {
		this.properties = properties;
	}

	/**
	 * Return the base URL of the client that {@code patternhealth.*} configures.
	 * @return the base URL, without a trailing slash
	 */
	public URI baseUrl() {
		return this.properties.baseUri();
	}

	/**
	 * Return a builder of the token cache with every token property applied, observed by
	 * the application's observation registry, if any; the caller chooses the client that
	 * sends token requests.
	 * @param observationRegistry the application's observation registry
	 * @param observationConvention the application's convention for token requests
	 * @return the builder
	 */
	PatternHealthTokenCacheBuilder tokenCache(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TokenRequestObservationConvention> observationConvention) {
		return tokenCache(this.properties.tokenUri(), this.properties.clientId(), this.properties.clientSecret(),
				this.properties.getToken())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique());
	}

	/**
	 * Return a builder of a token cache for the given endpoint and credentials with the
	 * given token settings applied.
	 * @param tokenUri the URI of the token endpoint
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @param token the token settings
	 * @return the builder
	 */
	static PatternHealthTokenCacheBuilder tokenCache(URI tokenUri, String clientId, String clientSecret,
			PatternHealthTokenProperties token) {
		PatternHealthTokenProperties.Retry retry = token.getRetry();
		PatternHealthTokenCacheBuilder builder = PatternHealthTokenCache
			.withCredentials(tokenUri, clientId, clientSecret)
			.retry(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff())
			.roundBackoff(retry.getRoundBackoff(), retry.getMaxRoundBackoff());
		PropertyMapper map = PropertyMapper.get();
		map.from(token::isEncodeCredentials).to(builder::encodeCredentials);
		map.from(token::getDefaultExpiresIn).to(builder::defaultExpiresIn);
		map.from(token::getRefreshAhead).to(builder::refreshAhead);
		map.from(token::getExpiryMargin).to(builder::expiryMargin);
		map.from(token::getTimeout).to(builder::timeout);
		map.from(token::getRejectedCredentialsCooldown).to(builder::rejectedCredentialsCooldown);
		map.from(token::getMaxLifetime).to(builder::maxLifetime);
		map.from(token::getUnauthorizedReplacementInterval).to(builder::unauthorizedReplacementInterval);
		map.from(retry::getMaxRetryAfter).to(builder::maxRetryAfter);
		return builder;
	}

	/**
	 * Return the token settings of a named client: each one it sets, laid over those of
	 * {@code patternhealth.token}.
	 * @param client the named client
	 * @return the token settings
	 */
	PatternHealthTokenProperties token(PatternHealthProperties.Client client) {
		PatternHealthTokenProperties shared = this.properties.getToken();
		PatternHealthClientTokenProperties own = client.getToken();
		PatternHealthTokenProperties token = new PatternHealthTokenProperties();
		PropertyMapper map = PropertyMapper.get();
		map.from(own::getEncodeCredentials).orFrom(shared::isEncodeCredentials).to(token::setEncodeCredentials);
		map.from(own::getDefaultExpiresIn).orFrom(shared::getDefaultExpiresIn).to(token::setDefaultExpiresIn);
		map.from(own::getMaxLifetime).orFrom(shared::getMaxLifetime).to(token::setMaxLifetime);
		map.from(own::getRefreshAhead).orFrom(shared::getRefreshAhead).to(token::setRefreshAhead);
		map.from(own::getExpiryMargin).orFrom(shared::getExpiryMargin).to(token::setExpiryMargin);
		map.from(own::getTimeout).orFrom(shared::getTimeout).to(token::setTimeout);
		map.from(own::getRejectedCredentialsCooldown)
			.orFrom(shared::getRejectedCredentialsCooldown)
			.to(token::setRejectedCredentialsCooldown);
		map.from(own::getUnauthorizedReplacementInterval)
			.orFrom(shared::getUnauthorizedReplacementInterval)
			.to(token::setUnauthorizedReplacementInterval);
		PatternHealthTokenProperties.Retry sharedRetry = shared.getRetry();
		PatternHealthClientTokenProperties.Retry ownRetry = own.getRetry();
		PatternHealthTokenProperties.Retry retry = token.getRetry();
		map.from(ownRetry::getMaxAttempts).orFrom(sharedRetry::getMaxAttempts).to(retry::setMaxAttempts);
		map.from(ownRetry::getInitialBackoff).orFrom(sharedRetry::getInitialBackoff).to(retry::setInitialBackoff);
		map.from(ownRetry::getMaxBackoff).orFrom(sharedRetry::getMaxBackoff).to(retry::setMaxBackoff);
		map.from(ownRetry::getMaxRetryAfter).orFrom(sharedRetry::getMaxRetryAfter).to(retry::setMaxRetryAfter);
		map.from(ownRetry::getRoundBackoff).orFrom(sharedRetry::getRoundBackoff).to(retry::setRoundBackoff);
		map.from(ownRetry::getMaxRoundBackoff).orFrom(sharedRetry::getMaxRoundBackoff).to(retry::setMaxRoundBackoff);
		return token;
	}

	/**
	 * Return the API settings of a named client: each one it sets, laid over those of
	 * {@code patternhealth.api}.
	 * @param client the named client
	 * @return the API settings
	 */
	PatternHealthApiProperties api(PatternHealthProperties.Client client) {
		PatternHealthApiProperties.Retry shared = this.properties.getApi().getRetry();
		PatternHealthClientApiProperties.Retry own = client.getApi().getRetry();
		PatternHealthApiProperties api = new PatternHealthApiProperties();
		PatternHealthApiProperties.Retry retry = api.getRetry();
		PropertyMapper map = PropertyMapper.get();
		map.from(own::getEnabled).orFrom(shared::isEnabled).to(retry::setEnabled);
		map.from(own::getMaxAttempts).orFrom(shared::getMaxAttempts).to(retry::setMaxAttempts);
		map.from(own::getInitialBackoff).orFrom(shared::getInitialBackoff).to(retry::setInitialBackoff);
		map.from(own::getMaxBackoff).orFrom(shared::getMaxBackoff).to(retry::setMaxBackoff);
		map.from(own::getMaxWait).orFrom(shared::getMaxWait).to(retry::setMaxWait);
		return api;
	}

	/**
	 * Return the policy of sending API requests again after a {@code 429} or {@code 503}.
	 * @return the policy, or {@code null} when API requests are never sent again
	 */
	public @Nullable PatternHealthRetryPolicy apiRetryPolicy() {
		return apiRetryPolicy(this.properties.getApi().getRetry());
	}

	/**
	 * Return the policy of sending API requests again that the given settings describe.
	 * @param retry the settings
	 * @return the policy, or {@code null} when API requests are never sent again
	 */
	static @Nullable PatternHealthRetryPolicy apiRetryPolicy(PatternHealthApiProperties.Retry retry) {
		if (!retry.isEnabled()) {
			return null;
		}
		return new PatternHealthRetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxWait());
	}

}
