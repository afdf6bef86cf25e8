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

import com.patternhealth.boot.autoconfigure.PatternHealthHttpClients;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.web.PatternHealthWebClientConfigurer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Points the application's {@code patternhealth} HTTP service group, when it uses
 * {@code WebClient}, at Pattern Health with the bearer filter, wrapped in the retry
 * filter unless retries are turned off. Other groups are left alone and never see the
 * token.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthWebClientHttpServiceGroupConfigurer implements WebClientHttpServiceGroupConfigurer {

	private final ReactiveOAuth2AuthorizedClientManager authorizedClientManager;

	private final PatternHealthGroupTarget target;

	private final PatternHealthHttpClients<ClientHttpConnector> httpClients;

	private final @Nullable PatternHealthRetryPolicy retryPolicy;

	PatternHealthWebClientHttpServiceGroupConfigurer(ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
			PatternHealthGroupTarget target, PatternHealthHttpClients<ClientHttpConnector> httpClients,
			@Nullable PatternHealthRetryPolicy retryPolicy) {
		this.authorizedClientManager = authorizedClientManager;
		this.target = target;
		this.httpClients = httpClients;
		this.retryPolicy = retryPolicy;
	}

	@Override
	public void configureGroups(Groups<WebClient.Builder> groups) {
		groups.filterByName(this.target.group()).forEachClient((group, builder) -> {
			this.target.applyBaseUrl(builder::baseUrl);
			builder.clientConnector(this.httpClients.forGroup(group.name()));
			new PatternHealthWebClientConfigurer(this.authorizedClientManager, this.target.origin(), this.retryPolicy)
				.configure(builder);
		});
	}

}
