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

import java.util.List;

import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.web.PatternHealth;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * The configurations that {@link PatternHealthAutoConfiguration} imports, one for each
 * HTTP stack the application may have.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthConfigurations {

	private PatternHealthConfigurations() {
	}

	/**
	 * The request factories of every Pattern Health {@code RestClient}, made by Spring
	 * Boot's builder from the application's settings, never following a redirect, and
	 * without retries of their own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpRequestFactoryBuilder.class)
	static class RequestFactoriesConfiguration {

		@Bean(name = PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME)
		PatternHealthHttpClients<ClientHttpRequestFactory> patternHealthRequestFactories(ResourceLoader resourceLoader,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<HttpServiceClientProperties> serviceClientProperties,
				ObjectProvider<SslBundles> sslBundles) {
			ClientHttpRequestFactoryBuilder<?> builder = HttpComponentsRetries.off(requestFactoryBuilder
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())));
			return PatternHealthHttpClients.of(builder::build, httpClientSettings, serviceClientProperties, sslBundles);
		}

	}

	/**
	 * The connectors of every Pattern Health {@code WebClient}, made by Spring Boot's
	 * builder from the application's settings, never following a redirect, and without
	 * retries of their own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ClientHttpConnectorBuilder.class, WebClient.class, Mono.class })
	static class ConnectorsConfiguration {

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

	}

	/**
	 * The token cache, sending token requests with a {@code WebClient} from Spring Boot's
	 * builder, which never blocks a thread.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	@Conditional(OnSingleClientCondition.class)
	static class WebClientTokenCacheConfiguration {

		@Bean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		PatternHealthTokenCache patternHealthTokenCache(PatternHealthProperties properties,
				ObjectProvider<WebClient.Builder> webClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<TokenRequestObservationConvention> observationConvention) {
			return new PatternHealthPropertiesMapper(properties).tokenCache()
				.webClient(webClientBuilder.getIfUnique(WebClient::builder)
					.clone()
					.clientConnector(connectors.forTokenRequests(properties.getToken().getTimeout()))
					.build())
				.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
				.observationConvention(observationConvention.getIfUnique())
				.build();
		}

	}

	/**
	 * The token cache of an application without WebFlux, sending token requests with a
	 * {@code RestClient} from Spring Boot's builder.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.reactive.function.client.WebClient")
	@Conditional(OnSingleClientCondition.class)
	static class RestClientTokenCacheConfiguration {

		@Bean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		PatternHealthTokenCache patternHealthTokenCache(PatternHealthProperties properties,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<TokenRequestObservationConvention> observationConvention) {
			return new PatternHealthPropertiesMapper(properties).tokenCache()
				.restClient(restClientBuilder.getIfUnique(RestClient::builder)
					.clone()
					.requestFactory(requestFactories.forTokenRequests(properties.getToken().getTimeout()))
					.build())
				.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
				.observationConvention(observationConvention.getIfUnique())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Mono.class, ReactiveOAuth2AuthorizedClientManager.class })
	@Conditional(OnSingleClientCondition.class)
	static class WebClientConfiguration {

		@Bean
		static PatternHealthAuthorizedClientManagerRegistrar patternHealthAuthorizedClientManagerRegistrar() {
			return new PatternHealthAuthorizedClientManagerRegistrar();
		}

		@Bean(name = PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)
		@Fallback
		@PatternHealth
		WebClient patternHealthWebClient(ObjectProvider<WebClient.Builder> webClientBuilder,
				@Qualifier(PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME) ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				PatternHealthProperties properties) {
			return new PatternHealthWebClientCustomizer(authorizedClientManager, properties.baseUri(),
					new PatternHealthPropertiesMapper(properties).apiRetryPolicy())
				.customize(webClientBuilder.getIfUnique(WebClient::builder)
					.clone()
					.clientConnector(connectors.get())
					.baseUrl(properties.baseUri().toString()))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
	@Conditional(OnSingleClientCondition.class)
	static class RestClientConfiguration {

		@Bean(name = PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME)
		@Fallback
		@PatternHealth
		RestClient patternHealthRestClient(ObjectProvider<RestClient.Builder> restClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				PatternHealthProperties properties) {
			return new PatternHealthRestClientCustomizer(tokenCache, properties.baseUri(),
					new PatternHealthPropertiesMapper(properties).apiRetryPolicy())
				.customize(restClientBuilder.getIfUnique(RestClient::builder)
					.clone()
					.requestFactory(requestFactories.get())
					.baseUrl(properties.baseUri().toString()))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	@Conditional(OnSingleClientCondition.class)
	static class RestClientHttpServiceGroupConfiguration {

		@Bean
		PatternHealthRestClientHttpServiceGroupConfigurer patternHealthRestClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				PatternHealthProperties properties, Environment environment) {
			return new PatternHealthRestClientHttpServiceGroupConfigurer(tokenCache,
					PatternHealthGroupTarget.of(properties, environment), requestFactories,
					new PatternHealthPropertiesMapper(properties).apiRetryPolicy());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClientHttpServiceGroupConfigurer.class, Mono.class,
			ReactiveOAuth2AuthorizedClientManager.class })
	@Conditional(OnSingleClientCondition.class)
	static class WebClientHttpServiceGroupConfiguration {

		@Bean
		PatternHealthWebClientHttpServiceGroupConfigurer patternHealthWebClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME) ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				PatternHealthProperties properties, Environment environment) {
			return new PatternHealthWebClientHttpServiceGroupConfigurer(authorizedClientManager,
					PatternHealthGroupTarget.of(properties, environment), connectors,
					new PatternHealthPropertiesMapper(properties).apiRetryPolicy());
		}

	}

	/**
	 * The registry of named clients and clients made at run time, with WebFlux: each
	 * client has a {@code WebClient} too, and requests tokens through one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, Mono.class, ReactiveOAuth2AuthorizedClientManager.class })
	static class ReactiveClientsConfiguration {

		@Bean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
		PatternHealthClients patternHealthClients(PatternHealthProperties properties, Environment environment,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				ObjectProvider<WebClient.Builder> webClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<TokenRequestObservationConvention> observationConvention) {
			// One builder of each, cloned for every client: each new RestClient.Builder
			// from Boot would make an HTTP client (and a thread) of its own
			WebClient.Builder webClients = webClientBuilder.getIfUnique(WebClient::builder);
			RestClient.Builder restClients = restClientBuilder.getIfUnique(RestClient::builder);
			ReactivePatternHealthClients reactive = new ReactivePatternHealthClients(webClients::clone, connectors);
			return clients(new PatternHealthClientFactory(properties, Binder.get(environment), restClients::clone,
					requestFactories, reactive, observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
					observationConvention.getIfUnique()), properties);
		}

		@Bean
		@ConditionalOnNamedPatternHealthClients
		WebClientHttpServiceGroupConfigurer patternHealthClientsWebClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME) PatternHealthClients clients,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				PatternHealthProperties properties, Environment environment) {
			Binder binder = Binder.get(environment);
			List<PatternHealthWebClientHttpServiceGroupConfigurer> configurers = clients.getConfigured()
				.values()
				.stream()
				.map((client) -> new PatternHealthWebClientHttpServiceGroupConfigurer(
						new PatternHealthAuthorizedClientManager(client.getTokenCache()),
						PatternHealthGroupTarget.of(PatternHealthClientFactory.group(client.getName()),
								client.getBaseUrl(), environment),
						connectors, PatternHealthClientFactory.apiRetryPolicy(properties, binder, client.getName())))
				.toList();
			return (groups) -> configurers.forEach((configurer) -> configurer.configureGroups(groups));
		}

	}

	/**
	 * The registry of named clients and clients made at run time, without WebFlux.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.reactive.function.client.WebClient")
	static class ClientsConfiguration {

		@Bean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
		PatternHealthClients patternHealthClients(PatternHealthProperties properties, Environment environment,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<TokenRequestObservationConvention> observationConvention) {
			// One builder, cloned for every client: each new RestClient.Builder from Boot
			// would make an HTTP client (and a thread) of its own
			RestClient.Builder restClients = restClientBuilder.getIfUnique(RestClient::builder);
			return clients(new PatternHealthClientFactory(properties, Binder.get(environment), restClients::clone,
					requestFactories, null, observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
					observationConvention.getIfUnique()), properties);
		}

	}

	/**
	 * The HTTP service groups of the named clients, on {@code RestClient}: the group
	 * {@code patternhealth-<name>} of each.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	@ConditionalOnNamedPatternHealthClients
	static class ClientsRestClientHttpServiceGroupConfiguration {

		@Bean
		RestClientHttpServiceGroupConfigurer patternHealthClientsRestClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME) PatternHealthClients clients,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				PatternHealthProperties properties, Environment environment) {
			Binder binder = Binder.get(environment);
			List<PatternHealthRestClientHttpServiceGroupConfigurer> configurers = clients.getConfigured()
				.values()
				.stream()
				.map((client) -> new PatternHealthRestClientHttpServiceGroupConfigurer(client.getTokenCache(),
						PatternHealthGroupTarget.of(PatternHealthClientFactory.group(client.getName()),
								client.getBaseUrl(), environment),
						requestFactories,
						PatternHealthClientFactory.apiRetryPolicy(properties, binder, client.getName())))
				.toList();
			return (groups) -> configurers.forEach((configurer) -> configurer.configureGroups(groups));
		}

	}

	private static PatternHealthClients clients(PatternHealthClientFactory factory,
			PatternHealthProperties properties) {
		return new PatternHealthClients(factory.configured(), factory, properties.getRunTimeClientIdleTimeout());
	}

}
