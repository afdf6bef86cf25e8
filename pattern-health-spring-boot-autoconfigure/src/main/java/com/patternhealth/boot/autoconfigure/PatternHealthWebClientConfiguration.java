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

import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.web.PatternHealth;
import com.patternhealth.boot.web.PatternHealthWebClientConfigurer;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The beans of the Pattern Health client on WebFlux's {@code WebClient}: the connectors,
 * the registry of clients, each of which has a {@code WebClient} too and requests tokens
 * through one, and, where {@code patternhealth.*} configures a client itself, its token
 * cache, its {@code ReactiveOAuth2AuthorizedClientManager} and its {@code WebClient}.
 * Imported before {@link PatternHealthRestClientConfiguration}, so that the token cache
 * and the registry of an application with both stacks never block a thread.
 *
 * @author Pattern Health Spring Boot authors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ WebClient.class, Mono.class, ReactiveOAuth2AuthorizedClientManager.class,
		ClientHttpConnectorBuilder.class })
class PatternHealthWebClientConfiguration {

	/**
	 * The connectors of every Pattern Health {@code WebClient}, made by Spring Boot's
	 * builder from the application's settings, never following a redirect, and without
	 * retries of their own.
	 */
	@Bean(name = PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME)
	PatternHealthHttpClients<ClientHttpConnector> patternHealthConnectors(ResourceLoader resourceLoader,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<HttpServiceClientProperties> serviceClientProperties,
			ObjectProvider<SslBundles> sslBundles) {
		ClientHttpConnectorBuilder<?> builder = HttpComponentsRetries.off(connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())));
		return PatternHealthHttpClients.of(builder::build, httpClientSettings, serviceClientProperties, sslBundles);
	}

	@Bean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
	@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
	PatternHealthClients patternHealthClients(PatternHealthProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TokenRequestObservationConvention> observationConvention) {
		// One builder of each, cloned for every client: each new RestClient.Builder from
		// Boot would make an HTTP client (and a thread) of its own
		WebClient.Builder webClients = webClientBuilder.getIfUnique(WebClient::builder);
		RestClient.Builder restClients = restClientBuilder.getIfUnique(RestClient::builder);
		return new PatternHealthClientFactory(properties, restClients::clone, requestFactories,
				new PatternHealthWebClientFactory(webClients::clone, connectors),
				observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP), observationConvention.getIfUnique())
			.clients();
	}

	/**
	 * The client that {@code patternhealth.*} configures itself.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnSingleClientCondition.class)
	static class SingleClientConfiguration {

		/**
		 * The token cache, sending token requests with a {@code WebClient} from Spring
		 * Boot's builder, which never blocks a thread.
		 */
		@Bean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		PatternHealthTokenCache patternHealthTokenCache(PatternHealthProperties properties,
				ObjectProvider<WebClient.Builder> webClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<TokenRequestObservationConvention> observationConvention) {
			return new PatternHealthPropertiesMapper(properties).tokenCache(observationRegistry, observationConvention)
				.webClient(webClientBuilder.getIfUnique(WebClient::builder)
					.clone()
					.clientConnector(connectors.forTokenRequests(properties.getToken().getTimeout()))
					.build())
				.build();
		}

		@Bean
		static PatternHealthAuthorizedClientManagerRegistrar patternHealthAuthorizedClientManagerRegistrar() {
			return new PatternHealthAuthorizedClientManagerRegistrar();
		}

		@Bean(name = PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
		@Fallback
		@PatternHealth
		WebClient patternHealthWebClient(ObjectProvider<WebClient.Builder> webClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME) ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				PatternHealthProperties properties) {
			return new PatternHealthWebClientConfigurer(authorizedClientManager, properties.baseUri(),
					new PatternHealthPropertiesMapper(properties).apiRetryPolicy())
				.configure(webClientBuilder.getIfUnique(WebClient::builder)
					.clone()
					.clientConnector(connectors.get())
					.baseUrl(properties.baseUri().toString()))
				.build();
		}

	}

}
