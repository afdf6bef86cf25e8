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

package com.patternhealth.boot.benchmarks;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MillisecondExpiresInConverter}.
 *
 * @author Pattern Health Spring Boot authors
 */
class MillisecondExpiresInConverterTests {

	private final MillisecondExpiresInConverter converter = new MillisecondExpiresInConverter();

	@Test
	void readsExpiresInAsMilliseconds() {
		assertThat(lifetime(this.converter.convert(answer(3_600_000)))).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void readsExpiresInGivenAsText() {
		assertThat(lifetime(this.converter.convert(answer("5000")))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void roundsDownToWholeSecondsButNeverToZero() {
		assertThat(lifetime(this.converter.convert(answer(5999)))).isEqualTo(Duration.ofSeconds(5));
		assertThat(lifetime(this.converter.convert(answer(250)))).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void keepsTheTokenAndItsType() {
		OAuth2AccessTokenResponse response = this.converter.convert(answer(5000));
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(response.getAccessToken().getTokenType().getValue()).isEqualToIgnoringCase("bearer");
	}

	private static Map<String, Object> answer(Object expiresIn) {
		return Map.of("access_token", "token-1", "token_type", "bearer", "expires_in", expiresIn);
	}

	private static Duration lifetime(OAuth2AccessTokenResponse response) {
		return Duration.between(response.getAccessToken().getIssuedAt(), response.getAccessToken().getExpiresAt());
	}

}
