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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * Answers token requests as Pattern Health's {@code /api/auth/token} does.
 *
 * @author Pattern Health Spring Boot authors
 */
final class TokenEndpoint implements ResponseDefinitionTransformerV2 {

	static final String NAME = "pattern-health-token-endpoint";

	private static final String FORM = "application/x-www-form-urlencoded";

	private final PatternHealthStandIn standIn;

	TokenEndpoint(PatternHealthStandIn standIn) {
		this.standIn = standIn;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		if (!RequestMethod.POST.equals(request.getMethod())) {
			return Responses.json(405, Map.of("error", "invalid_request"), "Allow", "POST");
		}
		if (!this.standIn.acceptsBasic(request.getHeader("Authorization"))) {
			return Responses.json(401, Map.of("error", "invalid_client"), "WWW-Authenticate",
					"Basic realm=\"Pattern Health\"");
		}
		String grantType = isForm(request.contentTypeHeader()) ? formValue(request.getBodyAsString(), "grant_type")
				: null;
		if (grantType == null) {
			return Responses.json(400, Map.of("error", "invalid_request"));
		}
		if (!"client_credentials".equals(grantType)) {
			return Responses.json(400, Map.of("error", "unsupported_grant_type"));
		}
		StandInTokens.IssuedToken token = this.standIn.issueToken();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token.value());
		body.put("expires_in", token.lifetime().toMillis());
		body.put("token_type", "bearer");
		return Responses.json(200, body, "Cache-Control", "no-store");
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

	private static boolean isForm(@Nullable ContentTypeHeader contentType) {
		return contentType != null && contentType.isPresent() && FORM.equalsIgnoreCase(contentType.mimeTypePart());
	}

	private static @Nullable String formValue(String body, String name) {
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals != -1) ? pair.substring(0, equals) : pair;
			if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
				return (equals != -1) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

}
