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
 * {@code RestClient} support is present, and {@code patternHealthClients}, the registry
 * of named clients and clients made at run time.
 * <p>
 * Each HTTP stack has one configuration, {@link PatternHealthWebClientConfiguration} and
 * {@link PatternHealthRestClientConfiguration}, imported in that order: where both stacks
 * are present, the token cache and the registry are those of WebFlux, which never block a
 * thread. In each, the beans of the client that {@code patternhealth.*} configures itself
 * sit under one condition, that such a client is configured at all; the HTTP service
 * groups are configured by
 * {@link com.patternhealth.boot.autoconfigure.service.PatternHealthHttpServiceClientAutoConfiguration}.
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
@Import({ PatternHealthWebClientConfiguration.class, PatternHealthRestClientConfiguration.class })
public final class PatternHealthAutoConfiguration {

	/**
	 * The name of the {@code PatternHealthTokenCache} of the client that
	 * {@code patternhealth.*} configures.
	 */
	public static final String TOKEN_CACHE_BEAN_NAME = "patternHealthTokenCache";

	/**
	 * The name of the {@code ReactiveOAuth2AuthorizedClientManager} in front of the
	 * {@value #TOKEN_CACHE_BEAN_NAME}.
	 */
	public static final String AUTHORIZED_CLIENT_MANAGER_BEAN_NAME = "patternHealthAuthorizedClientManager";

	/**
	 * The name of the {@code WebClient} that carries the token of the
	 * {@value #TOKEN_CACHE_BEAN_NAME}.
	 */
	public static final String WEB_CLIENT_BEAN_NAME = "patternHealthWebClient";

	/**
	 * The name of the {@code RestClient} that carries the token of the
	 * {@value #TOKEN_CACHE_BEAN_NAME}.
	 */
	public static final String REST_CLIENT_BEAN_NAME = "patternHealthRestClient";

	/**
	 * The name of the {@code PatternHealthClients}: the named clients and those made at
	 * run time.
	 */
	public static final String CLIENTS_BEAN_NAME = "patternHealthClients";

	/**
	 * The name of the {@link PatternHealthHttpClients} of {@code RestClient}: their
	 * request factories.
	 */
	public static final String REQUEST_FACTORIES_BEAN_NAME = "patternHealthRequestFactories";

	/**
	 * The name of the {@link PatternHealthHttpClients} of {@code WebClient}: their
	 * connectors.
	 */
	public static final String CONNECTORS_BEAN_NAME = "patternHealthConnectors";

}
