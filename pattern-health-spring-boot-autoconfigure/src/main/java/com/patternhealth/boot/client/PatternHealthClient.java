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

package com.patternhealth.boot.client;

import java.net.URI;

import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One Pattern Health environment of an application: its base URL, its own token cache,
 * and the clients that carry its token to its origin and to no other.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 * @see PatternHealthClients
 */
public final class PatternHealthClient {

	private final String name;

	private final URI baseUrl;

	private final PatternHealthTokenCache tokenCache;

	private final RestClient restClient;

	private final @Nullable Object webClient;

	private final @Nullable PatternHealthRetryPolicy retryPolicy;

	/**
	 * Create a client.
	 * @param name the name of the client: a configured name, or the name that all clients
	 * made at run time share
	 * @param baseUrl the base URL of its Pattern Health API
	 * @param tokenCache its token cache
	 * @param restClient a {@code RestClient} that carries its token
	 * @param webClient a {@code WebClient} that carries its token, or {@code null}
	 * without WebFlux
	 * @param retryPolicy when its clients send an API request again, or {@code null} if
	 * they never do
	 */
	public PatternHealthClient(String name, URI baseUrl, PatternHealthTokenCache tokenCache, RestClient restClient,
			@Nullable Object webClient, @Nullable PatternHealthRetryPolicy retryPolicy) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
		this.baseUrl = baseUrl;
		this.tokenCache = tokenCache;
		this.restClient = restClient;
		this.webClient = webClient;
		this.retryPolicy = retryPolicy;
	}

	public String getName() {
		return this.name;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public PatternHealthTokenCache getTokenCache() {
		return this.tokenCache;
	}

	public RestClient getRestClient() {
		return this.restClient;
	}

	/**
	 * Return the {@code WebClient} that carries this client's token.
	 * @return the web client
	 * @throws IllegalStateException if WebFlux is not on the class path
	 */
	public WebClient getWebClient() {
		Assert.state(this.webClient != null, "WebFlux is not on the class path; use getRestClient()");
		return (WebClient) this.webClient;
	}

	/**
	 * Return when the clients of this client send an API request again: its own
	 * {@code RestClient} and {@code WebClient}, and those of its HTTP service group.
	 * @return the policy, or {@code null} if they never send one again
	 */
	public @Nullable PatternHealthRetryPolicy getRetryPolicy() {
		return this.retryPolicy;
	}

	@Override
	public String toString() {
		return "PatternHealthClient '" + this.name + "' for client '" + this.tokenCache.getClientId() + "' at "
				+ this.baseUrl;
	}

}
