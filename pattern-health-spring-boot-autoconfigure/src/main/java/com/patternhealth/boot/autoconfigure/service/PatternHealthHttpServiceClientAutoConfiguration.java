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

package com.patternhealth.boot.autoconfigure.service;

import java.util.List;

import com.patternhealth.boot.autoconfigure.ConditionalOnNamedPatternHealthClients;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.autoconfigure.PatternHealthHttpClients;
import com.patternhealth.boot.autoconfigure.PatternHealthProperties;
import com.patternhealth.boot.autoconfigure.PatternHealthPropertiesMapper;
import com.patternhealth.boot.client.PatternHealthClient;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.web.PatternHealth;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the Pattern Health HTTP service groups: the application's
 * {@value PatternHealth#HTTP_SERVICE_GROUP} group carries the token of the
 * {@code patternHealthTokenCache}, and the group {@code patternhealth-<name>} of each
 * named client carries that client's token, on {@code RestClient} and on
 * {@code WebClient}. Other groups are left alone and never see a token.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = PatternHealthAutoConfiguration.class)
@ConditionalOnBean(PatternHealthProperties.class)
public final class PatternHealthHttpServiceClientAutoConfiguration {

	/**
	 * The groups of the clients, on {@code RestClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	@ConditionalOnBean(name = PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME)
	static class RestClientGroupsConfiguration {

		@Bean
		@ConditionalOnBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		RestClientHttpServiceGroupConfigurer patternHealthRestClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				PatternHealthProperties properties, Environment environment) {
			PatternHealthPropertiesMapper mapper = new PatternHealthPropertiesMapper(properties);
			return new PatternHealthRestClientHttpServiceGroupConfigurer(tokenCache,
					PatternHealthGroupTarget.of(PatternHealth.HTTP_SERVICE_GROUP, mapper.baseUrl(), environment),
					requestFactories, mapper.apiRetryPolicy());
		}

		@Bean
		@ConditionalOnNamedPatternHealthClients
		@ConditionalOnBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
		RestClientHttpServiceGroupConfigurer patternHealthClientsRestClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME) PatternHealthClients clients,
				@Qualifier(PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME) PatternHealthHttpClients<ClientHttpRequestFactory> requestFactories,
				Environment environment) {
			List<PatternHealthRestClientHttpServiceGroupConfigurer> configurers = clients.getConfigured()
				.values()
				.stream()
				.map((client) -> new PatternHealthRestClientHttpServiceGroupConfigurer(client.getTokenCache(),
						target(client, environment), requestFactories, client.getRetryPolicy()))
				.toList();
			return (groups) -> configurers.forEach((configurer) -> configurer.configureGroups(groups));
		}

	}

	/**
	 * The groups of the clients, on {@code WebClient}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClientHttpServiceGroupConfigurer.class, Mono.class,
			ReactiveOAuth2AuthorizedClientManager.class })
	@ConditionalOnBean(name = PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME)
	static class WebClientGroupsConfiguration {

		@Bean
		@ConditionalOnBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
		WebClientHttpServiceGroupConfigurer patternHealthWebClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache,
				@Qualifier(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME) ObjectProvider<ReactiveOAuth2AuthorizedClientManager> authorizedClientManager,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				PatternHealthProperties properties, Environment environment) {
			PatternHealthPropertiesMapper mapper = new PatternHealthPropertiesMapper(properties);
			return new PatternHealthWebClientHttpServiceGroupConfigurer(
					authorizedClientManager.getIfAvailable(() -> new PatternHealthAuthorizedClientManager(tokenCache)),
					PatternHealthGroupTarget.of(PatternHealth.HTTP_SERVICE_GROUP, mapper.baseUrl(), environment),
					connectors, mapper.apiRetryPolicy());
		}

		@Bean
		@ConditionalOnNamedPatternHealthClients
		@ConditionalOnBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
		WebClientHttpServiceGroupConfigurer patternHealthClientsWebClientHttpServiceGroupConfigurer(
				@Qualifier(PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME) PatternHealthClients clients,
				@Qualifier(PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME) PatternHealthHttpClients<ClientHttpConnector> connectors,
				Environment environment) {
			List<PatternHealthWebClientHttpServiceGroupConfigurer> configurers = clients.getConfigured()
				.values()
				.stream()
				.map((client) -> new PatternHealthWebClientHttpServiceGroupConfigurer(
						new PatternHealthAuthorizedClientManager(client.getTokenCache()), target(client, environment),
						connectors, client.getRetryPolicy()))
				.toList();
			return (groups) -> configurers.forEach((configurer) -> configurer.configureGroups(groups));
		}

	}

	/**
	 * Return where the group {@code patternhealth-<name>} of a named client sends its
	 * requests.
	 */
	private static PatternHealthGroupTarget target(PatternHealthClient client, Environment environment) {
		return PatternHealthGroupTarget.of(PatternHealth.HTTP_SERVICE_GROUP + "-" + client.getName(),
				client.getBaseUrl(), environment);
	}

}
