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

package com.patternhealth.boot.token;

import java.util.concurrent.CompletableFuture;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Sends token requests with a {@link WebClient}, through Spring Security's
 * {@link WebClientReactiveClientCredentialsTokenResponseClient} with the millisecond
 * {@link PatternHealthAccessTokenResponseExtractor}. Never blocks a thread.
 *
 * @author Pattern Health Spring Boot authors
 */
final class WebClientTokenClient implements TokenClient {

	private final WebClientReactiveClientCredentialsTokenResponseClient client = new WebClientReactiveClientCredentialsTokenResponseClient();

	private final TokenRequestSpec spec;

	WebClientTokenClient(WebClient webClient, TokenRequestSpec spec) {
		this.spec = spec;
		this.client.setWebClient(webClient);
		this.client.setHeadersConverter(spec.headersConverter());
		this.client.setBodyExtractor(new PatternHealthAccessTokenResponseExtractor(spec.reader()));
	}

	@Override
	public CompletableFuture<OAuth2AccessTokenResponse> requestToken() {
		OAuth2ClientCredentialsGrantRequest grantRequest = this.spec.grantRequest();
		return this.client.getTokenResponse(grantRequest)
			.timeout(this.spec.timeout())
			.onErrorMap(WebClientRequestException.class, TokenClient::ioFailure)
			.toFuture();
	}

}
