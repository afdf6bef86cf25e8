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

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the Pattern Health client: the {@code patternHealthTokenCache}
 * that obtains and caches tokens for every HTTP stack, the
 * {@code patternHealthAuthorizedClientManager} and {@code patternHealthWebClient} where
 * WebFlux is present, the {@code patternHealthRestClient} where Spring Boot's
 * {@code RestClient} support is present, the configuration of the application's
 * {@code patternhealth} HTTP service group, and {@code patternHealthClients}, the
 * registry of named clients and clients made at run time.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass(ClientRegistration.class)
@ConditionalOnBooleanProperty(name = "patternhealth.enabled", matchIfMissing = true)
@ConditionalOnPatternHealthConfigured
@EnableConfigurationProperties(PatternHealthProperties.class)
@Import({ PatternHealthConfigurations.RequestFactoriesConfiguration.class,
		PatternHealthConfigurations.ConnectorsConfiguration.class,
		PatternHealthConfigurations.WebClientTokenCacheConfiguration.class,
		PatternHealthConfigurations.RestClientTokenCacheConfiguration.class,
		PatternHealthConfigurations.WebClientConfiguration.class,
		PatternHealthConfigurations.RestClientConfiguration.class,
		PatternHealthConfigurations.RestClientHttpServiceGroupConfiguration.class,
		PatternHealthConfigurations.WebClientHttpServiceGroupConfiguration.class,
		PatternHealthConfigurations.ReactiveClientsConfiguration.class,
		PatternHealthConfigurations.ClientsConfiguration.class,
		PatternHealthConfigurations.ClientsRestClientHttpServiceGroupConfiguration.class })
public final class PatternHealthAutoConfiguration {

	static final String TOKEN_CACHE_BEAN_NAME = "patternHealthTokenCache";

	static final String WEB_CLIENT_BEAN_NAME = "patternHealthWebClient";

	static final String REST_CLIENT_BEAN_NAME = "patternHealthRestClient";

	static final String CLIENTS_BEAN_NAME = "patternHealthClients";

	static final String REQUEST_FACTORIES_BEAN_NAME = "patternHealthRequestFactories";

	static final String CONNECTORS_BEAN_NAME = "patternHealthConnectors";

}
