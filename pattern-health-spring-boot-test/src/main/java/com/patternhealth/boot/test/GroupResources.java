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

package com.patternhealth.boot.test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code GET /api/v1/groups/{group}/members} and {@code /tasks} with Pattern
 * Health's paging envelope, and {@code /members/{id}} and {@code /tasks/{id}} with one
 * item.
 *
 * @author Pattern Health Spring Boot authors
 */
final class GroupResources implements ResponseDefinitionTransformerV2 {

	static final String NAME = "pattern-health-group-resources";

	static final Pattern PATH_PATTERN = Pattern.compile("/api/v1/groups/([^/?]+)/(members|tasks)(?:/([^/?]+))?/?");

	static final int MAX_LIMIT = 200;

	private final PatternHealthStandIn standIn;

	GroupResources(PatternHealthStandIn standIn) {
		this.standIn = standIn;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		URI url = URI.create(request.getAbsoluteUrl());
		Matcher matcher = PATH_PATTERN.matcher(url.getRawPath());
		if (!matcher.matches()) {
			return notFound(url.getRawPath());
		}
		PatternHealthStandIn.Group group = this.standIn.findGroup(decode(matcher.group(1)));
		if (group == null) {
			return notFound(url.getRawPath());
		}
		List<Map<String, Object>> items = "members".equals(matcher.group(2)) ? group.members : group.tasks;
		if (matcher.group(3) != null) {
			String id = decode(matcher.group(3));
			return items.stream()
				.filter((item) -> id.equals(String.valueOf(item.get("id"))))
				.findFirst()
				.map((item) -> Responses.json(200, item))
				.orElseGet(() -> notFound(url.getRawPath()));
		}
		return page(url, items);
	}

	private ResponseDefinition page(URI url, List<Map<String, Object>> items) {
		List<Parameter> query = parseQuery(url.getRawQuery());
		int limit;
		int offset;
		try {
			limit = Math.max(1, Math.min(MAX_LIMIT, intParameter(query, "limit", MAX_LIMIT)));
			offset = intParameter(query, "offset", 0);
		}
		catch (NumberFormatException ex) {
			return Responses.error(422, "invalid_argument", "limit and offset must be whole numbers");
		}
		if (offset < 0) {
			return Responses.error(422, "invalid_argument", "offset must not be negative");
		}
		int from = Math.min(offset, items.size());
		int to = (int) Math.min((long) offset + limit, items.size());
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("totalCount", items.size());
		envelope.put("limit", limit);
		envelope.put("offset", offset);
		envelope.put("results", items.subList(from, to));
		if ((long) offset + limit < items.size()) {
			envelope.put("nextPage", link(url, query, limit, offset + limit));
		}
		if (offset > 0) {
			envelope.put("previousPage", link(url, query, limit, Math.max(0, Math.min(offset, items.size()) - limit)));
		}
		return Responses.json(200, envelope);
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

	private static String link(URI url, List<Parameter> query, int limit, int offset) {
		StringBuilder link = new StringBuilder().append(url.getScheme())
			.append("://")
			.append(url.getRawAuthority())
			.append(url.getRawPath())
			.append('?');
		for (Parameter parameter : query) {
			if (!isPaging(parameter.name())) {
				link.append(parameter.raw()).append('&');
			}
		}
		return link.append("limit=").append(limit).append("&offset=").append(offset).toString();
	}

	private static int intParameter(List<Parameter> query, String name, int defaultValue) {
		for (Parameter parameter : query) {
			if (name.equals(parameter.name())) {
				return Integer.parseInt(parameter.value().trim());
			}
		}
		return defaultValue;
	}

	private static boolean isPaging(String name) {
		return "limit".equals(name) || "offset".equals(name);
	}

	private static List<Parameter> parseQuery(@Nullable String rawQuery) {
		List<Parameter> parameters = new ArrayList<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : rawQuery.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				String name = decode((equals != -1) ? pair.substring(0, equals) : pair);
				String value = decode((equals != -1) ? pair.substring(equals + 1) : "");
				parameters.add(new Parameter(name, value, pair));
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static ResponseDefinition notFound(String path) {
		return Responses.error(404, "not_found", "Nothing at " + path);
	}

	/**
	 * A query parameter: its decoded name and value, and its text as received.
	 */
	private record Parameter(String name, String value, String raw) {

	}

}
