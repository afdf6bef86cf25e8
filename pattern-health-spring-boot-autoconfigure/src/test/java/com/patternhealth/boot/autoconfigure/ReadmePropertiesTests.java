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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property table of the README names every property of the generated configuration
 * metadata, with the same default, and no other.
 */
class ReadmePropertiesTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(patternhealth\\.[a-z0-9.\\-*]+)` \\|([^|]*)\\|");

	@Test
	void readmeTableListsEveryPropertyWithItsDefault() throws IOException {
		assertThat(readme()).isEqualTo(metadata());
	}

	private static Map<String, String> readme() throws IOException {
		Map<String, String> properties = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				properties.put(row.group(1), row.group(2).strip().replace("`", ""));
			}
		}
		return properties;
	}

	private static Map<String, String> metadata() throws IOException {
		Map<String, String> properties = new TreeMap<>();
		try (InputStream input = ReadmePropertiesTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode metadata = JsonMapper.builder().build().readTree(input);
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString();
				if (name.startsWith("patternhealth.")) {
					JsonNode value = property.path("defaultValue");
					properties.put(name, value.isMissingNode() ? "" : value.asString());
				}
			}
		}
		return properties;
	}

}
