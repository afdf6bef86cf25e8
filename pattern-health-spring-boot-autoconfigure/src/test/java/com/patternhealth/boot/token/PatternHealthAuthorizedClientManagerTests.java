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

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthAuthorizedClientManager}, the reactive face of the token
 * cache. The token lifecycle is tested in {@link PatternHealthTokenCacheTests}.
 */
class PatternHealthAuthorizedClientManagerTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final PatternHealthTokenCache cache = PatternHealthTokenCache
		.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7", "secret")
		.build();

	private final PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(this.cache);

	@AfterEach
	void close() {
		this.cache.close();
	}

	@Test
	void refusesOtherRegistrations() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.manager
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("github").principal("app").build())
				.block())
			.withMessage("Only the 'pattern-health' registration is served here, not 'github'");
	}

	@Test
	void aCancelledWaiterLeavesTheOthersWaitingForTheSameTokenRequest() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(300)));
		Disposable cancelled = this.manager.authorize(request()).subscribe();
		Mono<OAuth2AuthorizedClient> waiting = this.manager.authorize(request());
		cancelled.dispose();
		assertThat(waiting.block(Duration.ofSeconds(10)).getAccessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(this.cache.getAuthorizedClient().getAccessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(tokenRequests(server)).isOne();
	}

	@Test
	void handsOutTheSameReadyMonoForACachedToken() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1))));
		this.manager.authorize(request()).block(Duration.ofSeconds(10));
		Mono<OAuth2AuthorizedClient> first = this.manager.authorize(request());
		assertThat(first.block(Duration.ofSeconds(1)).getAccessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(this.manager.authorize(request()).block(Duration.ofSeconds(1)))
			.isSameAs(first.block(Duration.ofSeconds(1)));
	}

	@Test
	void refusesAMissingTokenCacheOrAuthorizeRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PatternHealthAuthorizedClientManager(null))
			.withMessage("'tokenCache' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.manager.authorize(null))
			.withMessage("'authorizeRequest' must not be null");
		assertThat(tokenRequests(server)).isZero();
	}

	private static OAuth2AuthorizeRequest request() {
		return OAuth2AuthorizeRequest.withClientRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.principal("app")
			.build();
	}

}
