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

import com.patternhealth.boot.web.PatternHealth;
import com.patternhealth.boot.web.PatternHealthBearerExchangeFilterFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the Pattern Health client: the
 * {@code patternHealthAuthorizedClientManager} that obtains and caches tokens, and the
 * {@code patternHealthWebClient} that sends them.
 *
 * @author Pattern Health Spring Boot authors
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass({ WebClient.class, ReactiveOAuth2AuthorizedClientManager.class })
@ConditionalOnBooleanProperty(name = "patternhealth.enabled", matchIfMissing = true)
@ConditionalOnPatternHealthConfigured
@EnableConfigurationProperties(PatternHealthProperties.class)
public final class PatternHealthAutoConfiguration {

	static final String WEB_CLIENT_BEAN_NAME = "patternHealthWebClient";

	@Bean
	static PatternHealthAuthorizedClientManagerRegistrar patternHealthAuthorizedClientManagerRegistrar() {
		return new PatternHealthAuthorizedClientManagerRegistrar();
	}

	@Bean(name = WEB_CLIENT_BEAN_NAME)
	@ConditionalOnMissingBean(name = WEB_CLIENT_BEAN_NAME)
	@Fallback
	@PatternHealth
	WebClient patternHealthWebClient(ObjectProvider<WebClient.Builder> webClientBuilder,
			@Qualifier(PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME) ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
			PatternHealthProperties properties) {
		return webClientBuilder.getIfUnique(WebClient::builder)
			.clone()
			.baseUrl(properties.baseUri().toString())
			.filter(new PatternHealthBearerExchangeFilterFunction(authorizedClientManager, properties.baseUri()))
			.build();
	}

}
