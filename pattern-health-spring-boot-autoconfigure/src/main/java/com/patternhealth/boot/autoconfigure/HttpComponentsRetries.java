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

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.util.ClassUtils;

/**
 * Turns off Apache HttpClient 5's own retries for the Pattern Health clients. It sends a
 * request answered {@code 429} or {@code 503} again, below every interceptor and filter,
 * on top of the starter's retries and outside their limits, metrics and observations.
 * Other HTTP client libraries are left as they are.
 *
 * @author Pattern Health Spring Boot authors
 */
final class HttpComponentsRetries {

	private static final boolean PRESENT = ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients",
			HttpComponentsRetries.class.getClassLoader());

	private HttpComponentsRetries() {
	}

	static ClientHttpRequestFactoryBuilder<?> off(ClientHttpRequestFactoryBuilder<?> builder) {
		return (PRESENT && builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents)
				? httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries) : builder;
	}

	static ClientHttpConnectorBuilder<?> off(ClientHttpConnectorBuilder<?> builder) {
		return (PRESENT && builder instanceof HttpComponentsClientHttpConnectorBuilder httpComponents)
				? httpComponents.withHttpClientCustomizer(HttpAsyncClientBuilder::disableAutomaticRetries) : builder;
	}

}
