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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.patternhealth.boot.client.PatternHealthClient;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import com.patternhealth.boot.origin.PatternHealthBaseUrl;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenCacheBuilder;
import com.patternhealth.boot.web.PatternHealth;
import com.patternhealth.boot.web.PatternHealthRestClientConfigurer;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Makes the clients of {@link PatternHealthClients} from Spring Boot's builders, so that
 * the application's customizers apply: the clients named under
 * {@code patternhealth.clients}, with their token and API settings laid over those of
 * {@code patternhealth.token} and {@code patternhealth.api}, and the clients made at run
 * time, with the latter.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthClientFactory implements PatternHealthClients.Factory {

	private final PatternHealthProperties properties;

	private final PatternHealthPropertiesMapper mapper;

	private final Supplier<RestClient.Builder> restClientBuilder;

	private final PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories;

	private final @Nullable PatternHealthWebClientFactory webClients;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TokenRequestObservationConvention observationConvention;

	PatternHealthClientFactory(PatternHealthProperties properties, Supplier<RestClient.Builder> restClientBuilder,
			PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
			@Nullable PatternHealthWebClientFactory webClients, ObservationRegistry observationRegistry,
			@Nullable TokenRequestObservationConvention observationConvention) {
		this.properties = properties;
		this.mapper = new PatternHealthPropertiesMapper(properties);
		this.restClientBuilder = restClientBuilder;
		this.requestFactories = requestFactories;
		this.webClients = webClients;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Make the registry of clients: those named under {@code patternhealth.clients}, and
	 * those this factory makes at run time.
	 * @return the registry
	 */
	PatternHealthClients clients() {
		return new PatternHealthClients(configured(), this, this.properties.getRunTimeClientIdleTimeout());
	}

	/**
	 * Make the clients named under {@code patternhealth.clients}.
	 * @return the clients by name
	 */
	Map<String, PatternHealthClient> configured() {
		Map<String, PatternHealthClient> clients = new LinkedHashMap<>();
		this.properties.getClients().forEach((name, client) -> clients.put(name, create(name, client)));
		return clients;
	}

	/**
	 * Make a named client, whose properties the properties' validation checked.
	 */
	private PatternHealthClient create(String name, PatternHealthProperties.Client client) {
		String prefix = PatternHealthProperties.Client.prefix(name);
		URI baseUrl = PatternHealthBaseUrl
			.of(PatternHealthProperties.required(client.getBaseUrl(), prefix + "base-url"));
		return create(name, baseUrl, PatternHealthProperties.required(client.getClientId(), prefix + "client-id"),
				PatternHealthProperties.required(client.getClientSecret(), prefix + "client-secret"),
				new Settings(this.mapper.token(client), this.mapper.api(client)));
	}

	@Override
	public PatternHealthClient create(String name, URI baseUrl, String clientId, String clientSecret) {
		PatternHealthPropertiesValidator.checkRunTimeClient(baseUrl.toString(), clientId, clientSecret,
				this.properties);
		return create(name, baseUrl, clientId, clientSecret,
				new Settings(this.properties.getToken(), this.properties.getApi()));
	}

	private PatternHealthClient create(String name, URI baseUrl, String clientId, String clientSecret,
			Settings settings) {
		URI base = PatternHealthBaseUrl.of(baseUrl);
		PatternHealthTokenCacheBuilder tokenCache = PatternHealthPropertiesMapper
			.tokenCache(URI.create(base + this.properties.getTokenPath()), clientId, clientSecret, settings.token())
			.name(name)
			.observationRegistry(this.observationRegistry)
			.observationConvention(this.observationConvention);
		PatternHealthRetryPolicy retryPolicy = PatternHealthPropertiesMapper.apiRetryPolicy(settings.api().getRetry());
		PatternHealthTokenCache cache = (this.webClients != null)
				? this.webClients.tokenCache(tokenCache, settings.token().getTimeout())
				: tokenCache
					.restClient(this.restClientBuilder.get()
						.requestFactory(this.requestFactories.forTokenRequests(settings.token().getTimeout()))
						.build())
					.build();
		RestClient restClient = new PatternHealthRestClientConfigurer(cache, base, retryPolicy)
			.configure(this.restClientBuilder.get().baseUrl(base.toString()), this.requestFactories.get())
			.build();
		return new PatternHealthClient(name, base, cache, restClient,
				(this.webClients != null) ? this.webClients.webClient(cache, base, retryPolicy) : null, retryPolicy);
	}

	private record Settings(PatternHealthTokenProperties token, PatternHealthApiProperties api) {

	}

}
