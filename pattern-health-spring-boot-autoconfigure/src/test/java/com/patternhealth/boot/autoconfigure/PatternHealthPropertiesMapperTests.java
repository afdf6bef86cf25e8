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

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthPropertiesMapper}: a named client's token and API
 * settings are those it sets, and those of {@code patternhealth.token} and
 * {@code patternhealth.api} where it sets none.
 */
class PatternHealthPropertiesMapperTests {

	private static final String ACME = "patternhealth.clients.acme.";

	@Test
	void givesANamedClientThatSetsNothingTheTokenAndApiSettingsOfPatternHealth() {
		PatternHealthProperties properties = bind("patternhealth.token.encode-credentials=true",
				"patternhealth.token.timeout=3s", "patternhealth.token.refresh-ahead=0.2",
				"patternhealth.token.retry.max-attempts=5", "patternhealth.token.retry.round-backoff=2s",
				"patternhealth.api.retry.enabled=false", "patternhealth.api.retry.max-wait=20s",
				ACME + "client-id=acme-id");
		PatternHealthPropertiesMapper mapper = new PatternHealthPropertiesMapper(properties);
		PatternHealthProperties.Client acme = properties.getClients().get("acme");
		assertThat(mapper.token(acme)).usingRecursiveComparison().isEqualTo(properties.getToken());
		assertThat(mapper.api(acme)).usingRecursiveComparison().isEqualTo(properties.getApi());
	}

	@Test
	void laysEveryTokenSettingANamedClientSetsOverThoseOfPatternHealth() {
		PatternHealthProperties properties = bind("patternhealth.token.timeout=3s",
				"patternhealth.token.retry.max-attempts=5", ACME + "token.encode-credentials=true",
				ACME + "token.default-expires-in=1m", ACME + "token.max-lifetime=2h", ACME + "token.refresh-ahead=0.3",
				ACME + "token.expiry-margin=0.05", ACME + "token.timeout=4s",
				ACME + "token.rejected-credentials-cooldown=2s", ACME + "token.unauthorized-replacement-interval=7s",
				ACME + "token.retry.max-attempts=2", ACME + "token.retry.initial-backoff=300ms",
				ACME + "token.retry.max-backoff=6s", ACME + "token.retry.max-retry-after=1m",
				ACME + "token.retry.round-backoff=3s", ACME + "token.retry.max-round-backoff=40s");
		PatternHealthTokenProperties expected = new PatternHealthTokenProperties();
		expected.setEncodeCredentials(true);
		expected.setDefaultExpiresIn(Duration.ofMinutes(1));
		expected.setMaxLifetime(Duration.ofHours(2));
		expected.setRefreshAhead(0.3);
		expected.setExpiryMargin(0.05);
		expected.setTimeout(Duration.ofSeconds(4));
		expected.setRejectedCredentialsCooldown(Duration.ofSeconds(2));
		expected.setUnauthorizedReplacementInterval(Duration.ofSeconds(7));
		expected.getRetry().setMaxAttempts(2);
		expected.getRetry().setInitialBackoff(Duration.ofMillis(300));
		expected.getRetry().setMaxBackoff(Duration.ofSeconds(6));
		expected.getRetry().setMaxRetryAfter(Duration.ofMinutes(1));
		expected.getRetry().setRoundBackoff(Duration.ofSeconds(3));
		expected.getRetry().setMaxRoundBackoff(Duration.ofSeconds(40));
		assertThat(new PatternHealthPropertiesMapper(properties).token(properties.getClients().get("acme")))
			.usingRecursiveComparison()
			.isEqualTo(expected);
		assertThat(properties.getToken().getTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getToken().getRetry().getMaxAttempts()).isEqualTo(5);
	}

	@Test
	void laysEveryApiSettingANamedClientSetsOverThoseOfPatternHealth() {
		PatternHealthProperties properties = bind("patternhealth.api.retry.enabled=false",
				"patternhealth.api.retry.max-wait=20s", ACME + "api.retry.enabled=true",
				ACME + "api.retry.max-attempts=4", ACME + "api.retry.initial-backoff=100ms",
				ACME + "api.retry.max-backoff=2s", ACME + "api.retry.max-wait=3s");
		PatternHealthApiProperties expected = new PatternHealthApiProperties();
		expected.getRetry().setEnabled(true);
		expected.getRetry().setMaxAttempts(4);
		expected.getRetry().setInitialBackoff(Duration.ofMillis(100));
		expected.getRetry().setMaxBackoff(Duration.ofSeconds(2));
		expected.getRetry().setMaxWait(Duration.ofSeconds(3));
		assertThat(new PatternHealthPropertiesMapper(properties).api(properties.getClients().get("acme")))
			.usingRecursiveComparison()
			.isEqualTo(expected);
		assertThat(properties.getApi().getRetry().isEnabled()).isFalse();
		assertThat(properties.getApi().getRetry().getMaxWait()).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void laysOnlyTheSettingsANamedClientSets() {
		PatternHealthProperties properties = bind("patternhealth.token.max-lifetime=10m",
				"patternhealth.token.retry.max-backoff=8s", ACME + "token.timeout=4s",
				ACME + "token.retry.round-backoff=2s", ACME + "api.retry.max-attempts=1");
		PatternHealthPropertiesMapper mapper = new PatternHealthPropertiesMapper(properties);
		PatternHealthProperties.Client acme = properties.getClients().get("acme");
		PatternHealthTokenProperties expectedToken = new PatternHealthTokenProperties();
		expectedToken.setMaxLifetime(Duration.ofMinutes(10));
		expectedToken.setTimeout(Duration.ofSeconds(4));
		expectedToken.getRetry().setMaxBackoff(Duration.ofSeconds(8));
		expectedToken.getRetry().setRoundBackoff(Duration.ofSeconds(2));
		assertThat(mapper.token(acme)).usingRecursiveComparison().isEqualTo(expectedToken);
		PatternHealthApiProperties expectedApi = new PatternHealthApiProperties();
		expectedApi.getRetry().setMaxAttempts(1);
		assertThat(mapper.api(acme)).usingRecursiveComparison().isEqualTo(expectedApi);
	}

	private static PatternHealthProperties bind(String... pairs) {
		Map<String, String> source = new LinkedHashMap<>();
		for (String pair : pairs) {
			String[] nameAndValue = pair.split("=", 2);
			source.put(nameAndValue[0], nameAndValue[1]);
		}
		PatternHealthProperties properties = new PatternHealthProperties();
		new Binder(new MapConfigurationPropertySource(source)).bind("patternhealth", Bindable.ofInstance(properties));
		return properties;
	}

}
