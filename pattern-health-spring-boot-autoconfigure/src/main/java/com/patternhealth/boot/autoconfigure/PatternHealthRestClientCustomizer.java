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

import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.web.PatternHealthBearerInterceptor;
import com.patternhealth.boot.web.PatternHealthRetryInterceptor;
import com.patternhealth.boot.web.PatternHealthRetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * Makes a {@code RestClient} carry a Pattern Health token to one origin: the bearer
 * interceptor, wrapped in the retry interceptor unless retries are off, so that every
 * attempt carries a valid token and a {@code 401} is replayed within an attempt.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthRestClientCustomizer {

	private final PatternHealthTokenCache tokenCache;

	private final URI origin;

	private final @Nullable PatternHealthRetryPolicy retryPolicy;

	PatternHealthRestClientCustomizer(PatternHealthTokenCache tokenCache, URI origin,
			@Nullable PatternHealthRetryPolicy retryPolicy) {
		this.tokenCache = tokenCache;
		this.origin = origin;
		this.retryPolicy = retryPolicy;
	}

	RestClient.Builder customize(RestClient.Builder builder) {
		if (this.retryPolicy != null) {
			builder.requestInterceptor(new PatternHealthRetryInterceptor(this.retryPolicy, this.origin));
		}
		return builder.requestInterceptor(new PatternHealthBearerInterceptor(this.tokenCache, this.origin));
	}

}
