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

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read describes every {@code patternhealth.*}
 * property with its default, and hints the values that can be listed.
 */
class PatternHealthConfigurationMetadataTests {

	private static final Set<String> REQUIRED = Set.of("patternhealth.base-url", "patternhealth.client-id",
			"patternhealth.client-secret");

	/** The map of named clients: no default, and an empty map in a new bean. */
	private static final String NAMED_CLIENTS = "patternhealth.clients";

	private final JsonNode metadata = readMetadata();

	@Test
	void describesEveryPropertyOfPatternHealthProperties() {
		assertThat(metadataProperties().keySet())
			.containsExactlyInAnyOrderElementsOf(defaults("patternhealth", new PatternHealthProperties()).keySet());
		metadataProperties().forEach((name, property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().endsWith(".");
		});
	}

	@Test
	void documentsTheDefaultOfEveryOptionalProperty() {
		Map<String, Object> defaults = defaults("patternhealth", new PatternHealthProperties());
		metadataProperties().forEach((name, property) -> {
			if (REQUIRED.contains(name) || NAMED_CLIENTS.equals(name)) {
				assertThat(property.has("defaultValue")).as(name).isFalse();
				assertThat(defaults.get(name)).as(name)
					.satisfiesAnyOf((value) -> assertThat(value).isNull(),
							(value) -> assertThat(value).isEqualTo(Map.of()));
			}
			else {
				assertThat(property.has("defaultValue")).as(name + " has a default").isTrue();
				assertThat(value(property.get("defaultValue"), defaults.get(name))).as(name)
					.isEqualTo(defaults.get(name));
			}
		});
	}

	@Test
	void describesTheLimitsOfTokenLifetimesAndRetries() {
		assertDescribed("patternhealth.token.max-lifetime",
				"Longest lifetime given to a token, whatever its expires_in says.", Duration.ofHours(24));
		assertDescribed("patternhealth.token.unauthorized-replacement-interval",
				"Shortest time between two token requests caused by 401 answers of the API. A 401 to a token"
						+ " younger than this is the resource's answer and is handed to the caller without a new token.",
				Duration.ofSeconds(5));
		assertDescribed("patternhealth.token.retry.max-retry-after",
				"Longest Retry-After of the token endpoint that is honoured; a longer one is cut to this.",
				Duration.ofMinutes(2));
		assertDescribed("patternhealth.token.retry.max-backoff",
				"Longest delay between two attempts of one token request. A Retry-After longer than this ends the"
						+ " attempts, and the next token request waits for it.",
				Duration.ofSeconds(5));
	}

	@Test
	void describesTheLimitsOfApiRetries() {
		assertDescribed("patternhealth.api.retry.max-wait", "Longest wait before an attempt. An answer whose"
				+ " Retry-After asks for longer goes to the caller at once.", Duration.ofSeconds(10));
		assertDescribed("patternhealth.api.retry.max-backoff",
				"Longest delay between two attempts, unless the answer's Retry-After asks for more.",
				Duration.ofSeconds(5));
	}

	private void assertDescribed(String name, String description, Duration defaultValue) {
		JsonNode property = metadataProperties().get(name);
		assertThat(property).as(name).isNotNull();
		assertThat(property.path("description").asString()).as(name).isEqualTo(description);
		assertThat(DurationStyle.detectAndParse(property.path("defaultValue").asString())).as(name)
			.isEqualTo(defaultValue);
	}

	@Test
	void hintsTheValuesThatCanBeListed() {
		Map<String, List<String>> hints = new LinkedHashMap<>();
		for (JsonNode hint : this.metadata.path("hints")) {
			List<String> values = new ArrayList<>();
			for (JsonNode value : hint.path("values")) {
				assertThat(value.path("description").asString("")).as(hint.path("name").asString()).isNotBlank();
				values.add(value.path("value").asString());
			}
			hints.put(hint.path("name").asString(), values);
		}
		assertThat(hints).containsOnlyKeys("patternhealth.token-path", "patternhealth.allow-insecure-http",
				"patternhealth.token.encode-credentials");
		assertThat(hints.get("patternhealth.token-path")).containsExactly("/api/auth/token");
		assertThat(hints.get("patternhealth.allow-insecure-http")).containsExactly("false", "true");
		assertThat(hints.get("patternhealth.token.encode-credentials")).containsExactly("false", "true");
		assertThat(metadataProperties()).containsKeys(hints.keySet().toArray(String[]::new));
	}

	@Test
	void describesTheSwitchOfTheHealthContributor() {
		JsonNode property = allProperties().get("management.health.patternhealth.enabled");
		assertThat(property).isNotNull();
		assertThat(property.path("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(property.path("description").asString()).startsWith("Whether").endsWith(".");
		assertThat(property.path("defaultValue").asBoolean(false)).isTrue();
	}

	/**
	 * Return the {@code patternhealth.*} properties by name.
	 */
	private Map<String, JsonNode> metadataProperties() {
		Map<String, JsonNode> properties = new LinkedHashMap<>(allProperties());
		properties.keySet().removeIf((name) -> !name.startsWith("patternhealth."));
		return properties;
	}

	private Map<String, JsonNode> allProperties() {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (JsonNode property : this.metadata.path("properties")) {
			properties.put(property.path("name").asString(), property);
		}
		return properties;
	}

	/**
	 * Return the default of each property, read from a new instance, by name.
	 */
	private static Map<String, Object> defaults(String prefix, Object bean) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(bean);
		for (PropertyDescriptor descriptor : wrapper.getPropertyDescriptors()) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + descriptor.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
			Object value = wrapper.getPropertyValue(descriptor.getName());
			if (descriptor.getWriteMethod() == null && value != null && !(value instanceof Map)) {
				defaults.putAll(defaults(name, value));
			}
			else {
				defaults.put(name, value);
			}
		}
		return defaults;
	}

	private static Object value(JsonNode node, Object expected) {
		if (expected instanceof Duration) {
			return DurationStyle.detectAndParse(node.asString());
		}
		if (expected instanceof Boolean) {
			return node.asBoolean();
		}
		if (expected instanceof Integer) {
			return node.asInt();
		}
		if (expected instanceof Double) {
			return node.asDouble();
		}
		return node.asString();
	}

	private static JsonNode readMetadata() {
		try {
			for (URL url : Collections.list(PatternHealthConfigurationMetadataTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream stream = url.openStream()) {
					JsonNode candidate = JsonMapper.builder().build().readTree(stream);
					for (JsonNode group : candidate.path("groups")) {
						if (group.path("name").asString().equals("patternhealth")) {
							return candidate;
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("No configuration metadata with the patternhealth group on the classpath");
	}

}
