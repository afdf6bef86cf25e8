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

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenCacheBuilder;
import com.patternhealth.boot.web.PatternHealthWebClientConfigurer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The WebFlux side of {@link PatternHealthClientFactory}, loaded only where WebFlux is
 * present: token requests through a {@code WebClient}, and a {@code WebClient} for each
 * client.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthWebClientFactory {

	private final Supplier<WebClient.Builder> webClientBuilder;

	private final PatternHealthHttpClients<ClientHttpConnector> connectors;

	PatternHealthWebClientFactory(Supplier<WebClient.Builder> webClientBuilder,
			PatternHealthHttpClients<ClientHttpConnector> connectors) {
		this.webClientBuilder = webClientBuilder;
		this.connectors = connectors;
	}

	PatternHealthTokenCache tokenCache(PatternHealthTokenCacheBuilder tokenCache, Duration timeout) {
		return tokenCache
			.webClient(this.webClientBuilder.get().clientConnector(this.connectors.forTokenRequests(timeout)).build())
			.build();
	}

	WebClient webClient(PatternHealthTokenCache tokenCache, URI baseUrl,
			@Nullable PatternHealthRetryPolicy retryPolicy) {
		return new PatternHealthWebClientConfigurer(new PatternHealthAuthorizedClientManager(tokenCache), baseUrl,
				retryPolicy)
			.configure(this.webClientBuilder.get().clientConnector(this.connectors.get()).baseUrl(baseUrl.toString()))
			.build();
	}

}
