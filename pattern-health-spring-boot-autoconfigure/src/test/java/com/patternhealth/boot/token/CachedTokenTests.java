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

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CachedToken}: when a token of a token response expires, is refreshed
 * and is no longer used.
 */
class CachedTokenTests {

	private static final Instant REQUESTED_AT = Instant.parse("2026-01-01T00:00:00Z");

	private static final ClientRegistration REGISTRATION = ClientRegistration.withRegistrationId("pattern-health")
		.clientId("client-7")
		.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
		.tokenUri("https://api.example.com/api/auth/token")
		.build();

	@Test
	void expiresTheMillisecondLifetimeTheReaderRecordedAfterTheRequestWasSent() {
		OAuth2AccessTokenResponse response = OAuth2AccessTokenResponse.withToken("token-1")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(1)
			.additionalParameters(Map.of(TokenResponseReader.LIFETIME_PARAMETER, 1500L))
			.build();
		CachedToken token = CachedToken.of(response, REQUESTED_AT, REGISTRATION, Duration.ofDays(1), 0.1, 0.02, false);
		assertThat(token.accessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(token.accessToken().getIssuedAt()).isEqualTo(REQUESTED_AT);
		assertThat(token.expiresAt()).isEqualTo(REQUESTED_AT.plusMillis(1500 - 30));
		assertThat(token.refreshAt()).isEqualTo(REQUESTED_AT.plusMillis(1500 - 150));
		assertThat(token.lifetime()).isEqualTo(Duration.ofMillis(1500));
		assertThat(token.afterUnauthorized()).isFalse();
		assertThat(token.ready()).isCompletedWithValue(token);
	}

	@Test
	void capsALifetimeReadFromTheExpiryOfTheTokenAtTheLongestLifetime() {
		CachedToken token = CachedToken.of(expiringIn(Duration.ofDays(3)), REQUESTED_AT, REGISTRATION,
				Duration.ofHours(1), 0.5, 0.25, true);
		assertThat(token.lifetime()).isEqualTo(Duration.ofHours(1));
		assertThat(token.accessToken().getExpiresAt()).isEqualTo(REQUESTED_AT.plus(Duration.ofHours(1)));
		assertThat(token.expiresAt()).isEqualTo(REQUESTED_AT.plus(Duration.ofMinutes(45)));
		assertThat(token.refreshAt()).isEqualTo(REQUESTED_AT.plus(Duration.ofMinutes(30)));
		assertThat(token.afterUnauthorized()).isTrue();
	}

	@Test
	void keepsALifetimeReadFromTheExpiryOfTheTokenUpToTheLongestLifetime() {
		CachedToken token = CachedToken.of(expiringIn(Duration.ofHours(1)), REQUESTED_AT, REGISTRATION,
				Duration.ofHours(1), 0.1, 0.02, false);
		assertThat(token.lifetime()).isEqualTo(Duration.ofHours(1));
		assertThat(token.client().getPrincipalName()).isEqualTo("client-7");
	}

	/**
	 * An answer read by another reader than Pattern Health's: its lifetime is only in the
	 * expiry of its token.
	 */
	private static OAuth2AccessTokenResponse expiringIn(Duration lifetime) {
		return OAuth2AccessTokenResponse.withToken("token-1")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(lifetime.toSeconds())
			.build();
	}

}
