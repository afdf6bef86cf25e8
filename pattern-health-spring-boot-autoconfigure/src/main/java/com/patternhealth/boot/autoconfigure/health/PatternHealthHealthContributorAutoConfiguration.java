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

package com.patternhealth.boot.autoconfigure.health;

import com.patternhealth.boot.autoconfigure.ConditionalOnNamedPatternHealthClients;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.health.PatternHealthHealthIndicator;
import com.patternhealth.boot.token.PatternHealthTokenCache;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code patternhealth} health contributor, which reports the
 * cached token of the {@code patternHealthTokenCache} without any network call, and of
 * {@code patternhealthClients}, which reports each client named under
 * {@code patternhealth.clients} as a component of its own. Switched off with
 * {@code management.health.patternhealth.enabled=false}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = PatternHealthAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public final class PatternHealthHealthContributorAutoConfiguration {

	/**
	 * The name of the health indicator of the {@code patternHealthTokenCache}.
	 */
	public static final String HEALTH_INDICATOR_BEAN_NAME = "patternhealthHealthIndicator";

	/**
	 * The name of the health contributor of the named clients.
	 */
	public static final String CLIENTS_HEALTH_CONTRIBUTOR_BEAN_NAME = "patternhealthClientsHealthContributor";

	// Switched on the bean, not the class: the condition lives in Spring Boot's health
	// module, which the class condition checks first
	@Bean(name = HEALTH_INDICATOR_BEAN_NAME)
	@ConditionalOnBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
	@ConditionalOnEnabledHealthIndicator("patternhealth")
	@ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
	PatternHealthHealthIndicator patternhealthHealthIndicator(
			@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache) {
		return new PatternHealthHealthIndicator(tokenCache);
	}

	/**
	 * The {@code patternhealthClients} contributor: one component for each client named
	 * under {@code patternhealth.clients}.
	 */
	@Bean(name = CLIENTS_HEALTH_CONTRIBUTOR_BEAN_NAME)
	@ConditionalOnBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
	@ConditionalOnNamedPatternHealthClients
	@ConditionalOnEnabledHealthIndicator("patternhealth")
	@ConditionalOnMissingBean(name = CLIENTS_HEALTH_CONTRIBUTOR_BEAN_NAME)
	CompositeHealthContributor patternhealthClientsHealthContributor(
			@Qualifier(PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME) PatternHealthClients clients) {
		return CompositeHealthContributor.fromMap(clients.getConfigured(),
				(client) -> new PatternHealthHealthIndicator(client.getTokenCache()));
	}

}
