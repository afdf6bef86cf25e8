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
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.web.PatternHealthRestClientConfigurer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Points the application's {@code patternhealth} HTTP service group, when it uses
 * {@code RestClient}, at Pattern Health with the bearer interceptor, wrapped in the retry
 * interceptor unless retries are turned off. Other groups are left alone and never see
 * the token.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthRestClientHttpServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	private final PatternHealthTokenCache tokenCache;

	private final PatternHealthGroupTarget target;

	private final PatternHealthHttpClients<ClientHttpRequestFactory> httpClients;

	private final @Nullable PatternHealthRetryPolicy retryPolicy;

	PatternHealthRestClientHttpServiceGroupConfigurer(PatternHealthTokenCache tokenCache,
			PatternHealthGroupTarget target, PatternHealthHttpClients<ClientHttpRequestFactory> httpClients,
			@Nullable PatternHealthRetryPolicy retryPolicy) {
		this.tokenCache = tokenCache;
		this.target = target;
		this.httpClients = httpClients;
		this.retryPolicy = retryPolicy;
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		groups.filterByName(this.target.group()).forEachClient((group, builder) -> {
			this.target.applyBaseUrl(builder::baseUrl);
			new PatternHealthRestClientConfigurer(this.tokenCache, this.target.origin(), this.retryPolicy)
				.configure(builder, this.httpClients.forGroup(group.name()));
		});
	}

}
