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
import com.patternhealth.boot.web.PatternHealthRestClientConfigurer;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The beans of the Pattern Health client on Spring's {@code RestClient}: the request
 * factories, and, unless {@link PatternHealthWebClientConfiguration} defined them, the
 * registry of clients and the token cache; where {@code patternhealth.*} configures a
 * client itself and Spring Boot's {@code RestClient} support is present, its
 * {@code RestClient}.
 * <p>
 * Its {@code @ConditionalOnMissingBean} conditions see the beans of
 * {@link PatternHealthWebClientConfiguration}, which is imported first.
 *
 * @author Pattern Health Spring Boot authors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
class PatternHealthRestClientConfiguration {

	/**
	 * The request factories of every Pattern Health {@code RestClient}, made by Spring
	 * Boot's builder from the application's settings, never following a redirect, and
	 * without retries of their own.
	 */
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

	@Bean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
	@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
	PatternHealthClients patternHealthClients(PatternHealthProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TokenRequestObservationConvention> observationConvention) {
		// One builder, cloned for every client: each new RestClient.Builder from Boot
		// would make an HTTP client (and a thread) of its own
		RestClient.Builder restClients = restClientBuilder.getIfUnique(RestClient::builder);
		return new PatternHealthClientFactory(properties, restClients::clone, requestFactories, null,
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
		 * The token cache of an application without WebFlux, sending token requests with
		 * a {@code RestClient} from Spring Boot's builder.
		 */
		@Bean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		PatternHealthTokenCache patternHealthTokenCache(PatternHealthProperties properties,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<TokenRequestObservationConvention> observationConvention) {
			return new PatternHealthPropertiesMapper(properties).tokenCache(observationRegistry, observationConvention)
				.restClient(restClientBuilder.getIfUnique(RestClient::builder)
					.clone()
					.requestFactory(requestFactories.forTokenRequests(properties.getToken().getTimeout()))
					.build())
				.build();
		}

		@Bean(name = PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME)
		@ConditionalOnMissingBean(name = PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME)
		@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
		@Fallback
		@PatternHealth
		RestClient patternHealthRestClient(ObjectProvider<RestClient.Builder> restClientBuilder,
				@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				PatternHealthProperties properties) {
			return new PatternHealthRestClientConfigurer(tokenCache, properties.baseUri(),
					new PatternHealthPropertiesMapper(properties).apiRetryPolicy())
				.configure(restClientBuilder.getIfUnique(RestClient::builder)
					.clone()
					.baseUrl(properties.baseUri().toString()), requestFactories.get())
				.build();
		}

	}

}
