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

package com.patternhealth.boot.autoconfigure.metrics;

import com.patternhealth.boot.autoconfigure.ConditionalOnNamedPatternHealthClients;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.metrics.PatternHealthTokenMetrics;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the meters of the {@code patternHealthTokenCache}: the remaining
 * lifetime of its token and the calls it served, bound to the application's meter
 * registries. The timer of token requests comes from their observation.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@AutoConfiguration(after = PatternHealthAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class PatternHealthMetricsAutoConfiguration {

	/**
	 * The name of the metrics of the {@code patternHealthTokenCache}.
	 */
	public static final String TOKEN_METRICS_BEAN_NAME = "patternHealthTokenMetrics";

	/**
	 * The name of the metrics of the named clients.
	 */
	public static final String CLIENTS_METRICS_BEAN_NAME = "patternHealthClientsMetrics";

	@Bean(name = TOKEN_METRICS_BEAN_NAME)
	@ConditionalOnBean(name = PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME)
	@ConditionalOnMissingBean(name = TOKEN_METRICS_BEAN_NAME)
	PatternHealthTokenMetrics patternHealthTokenMetrics(
			@Qualifier(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME) PatternHealthTokenCache tokenCache) {
		return new PatternHealthTokenMetrics(tokenCache);
	}

	/**
	 * The meters of each client named under {@code patternhealth.clients}, told apart by
	 * their {@code client} tag.
	 */
	@Bean(name = CLIENTS_METRICS_BEAN_NAME)
	@ConditionalOnBean(name = PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME)
	@ConditionalOnNamedPatternHealthClients
	@ConditionalOnMissingBean(name = CLIENTS_METRICS_BEAN_NAME)
	MeterBinder patternHealthClientsMetrics(
			@Qualifier(PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME) PatternHealthClients clients) {
		return (registry) -> clients.getConfigured()
			.values()
			.forEach((client) -> new PatternHealthTokenMetrics(client.getTokenCache()).bindTo(registry));
	}

}
