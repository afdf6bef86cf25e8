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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.StringUtils;

/**
 * Reads one answer of Pattern Health's token endpoint, whatever client received it: the
 * {@code expires_in} in milliseconds, and every error answer as the exception that says
 * what the endpoint answered.
 *
 * @author Pattern Health Spring Boot authors
 */
final class TokenResponseReader {

	/**
	 * The largest body read from the token endpoint.
	 */
	static final int MAX_BODY_SIZE = 64 * 1024;

	/**
	 * What the endpoint answered when its body exceeded {@link #MAX_BODY_SIZE}.
	 */
	static final String TOO_LARGE = "a body larger than " + (MAX_BODY_SIZE / 1024) + " KB instead of a token response";

	private static final int MAX_DESCRIPTION_LENGTH = 200;

	private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	private static final Set<String> CREDENTIAL_ERRORS = Set.of(OAuth2ErrorCodes.INVALID_CLIENT,
			OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, OAuth2ErrorCodes.INVALID_GRANT, OAuth2ErrorCodes.ACCESS_DENIED);

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final String clientId;

	private final Duration defaultExpiresIn;

	TokenResponseReader(String clientId, Duration defaultExpiresIn) {
		this.clientId = clientId;
		this.defaultExpiresIn = defaultExpiresIn;
	}

	/**
	 * Read one answer of the token endpoint.
	 * @param status the HTTP status of the answer
	 * @param headers the headers of the answer
	 * @param body the body of the answer, empty when there was none
	 * @return the token response
	 * @throws PatternHealthTokenException if the answer is not a token
	 */
	OAuth2AccessTokenResponse read(HttpStatusCode status, HttpHeaders headers, String body) {
		Map<?, ?> json = parseObject(body);
		if (!status.is2xxSuccessful() || (json != null && json.containsKey("error"))) {
			throw error(status, headers, json);
		}
		if (json == null) {
			throw invalid(status, describeBody(headers, body) + " instead of a JSON token response");
		}
		String accessToken = text(json.get("access_token"));
		if (!StringUtils.hasText(accessToken)) {
			throw invalid(status, "a JSON body without an access_token");
		}
		String tokenType = text(json.get("token_type"));
		if (tokenType != null && !OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(tokenType)) {
			throw invalid(status, "token_type '" + abbreviate(tokenType) + "'; only bearer tokens are supported");
		}
		return OAuth2AccessTokenResponse.withToken(accessToken)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(toSeconds(expiresIn(status, json.get("expires_in"))))
			.build();
	}

	private Duration expiresIn(HttpStatusCode status, @Nullable Object value) {
		if (value == null) {
			return this.defaultExpiresIn;
		}
		try {
			long milliseconds = new BigDecimal(value.toString().trim()).longValueExact();
			if (milliseconds > 0) {
				return Duration.ofMillis(milliseconds);
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// Reported below
		}
		throw invalid(status, "expires_in '" + abbreviate(value.toString())
				+ "', which is not a positive whole number of milliseconds");
	}

	/**
	 * Whole seconds for Spring Security's token response, which counts in seconds:
	 * rounded down, so never past the real expiry, except that a lifetime under one
	 * second becomes one second (Spring Security would read zero as one second too).
	 */
	private static long toSeconds(Duration expiresIn) {
		return Math.max(1, expiresIn.toSeconds());
	}

	private PatternHealthTokenException error(HttpStatusCode status, HttpHeaders headers, @Nullable Map<?, ?> json) {
		String code = (json != null) ? text(json.get("error")) : null;
		String description = (json != null) ? text(json.get("error_description")) : null;
		String answer = "HTTP " + status.value() + ((code != null) ? ", error '" + abbreviate(code) + "'" : "")
				+ ((description != null) ? ": " + abbreviate(description) : "");
		boolean transientStatus = PatternHealthTokenException.isTransient(status);
		if (!transientStatus && (status.value() == 400 || status.value() == 401 || status.value() == 403
				|| (code != null && CREDENTIAL_ERRORS.contains(code)))) {
			OAuth2Error error = new OAuth2Error((code != null) ? code : OAuth2ErrorCodes.INVALID_CLIENT, description,
					null);
			return new PatternHealthCredentialsRejectedException(error, status,
					"Pattern Health rejected the credentials of client '" + this.clientId + "' (" + answer
							+ "). Check patternhealth.client-id and patternhealth.client-secret.");
		}
		String advice = transientStatus ? "The request may succeed later."
				: "Check patternhealth.base-url and patternhealth.token-path.";
		OAuth2Error error = new OAuth2Error((code != null) ? code : OAuth2ErrorCodes.SERVER_ERROR, description, null);
		return new PatternHealthTokenException(error, status, retryAfter(headers),
				"Pattern Health's token endpoint answered " + answer + ". " + advice, null);
	}

	static PatternHealthTokenException invalid(HttpStatusCode status, String answer) {
		OAuth2Error error = new OAuth2Error(INVALID_TOKEN_RESPONSE, "Not a token response", null);
		return new PatternHealthTokenException(error, status, null, "Pattern Health's token endpoint answered HTTP "
				+ status.value() + " with " + answer + ". Check patternhealth.base-url and patternhealth.token-path.",
				null);
	}

	private static @Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime date = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(Instant.now(), date.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (RuntimeException unparsable) {
				return null;
			}
		}
	}

	private static @Nullable Map<?, ?> parseObject(String body) {
		if (!StringUtils.hasText(body)) {
			return null;
		}
		try {
			return jsonMapper.readValue(body, Map.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String describeBody(HttpHeaders headers, String body) {
		if (!StringUtils.hasText(body)) {
			return "an empty body";
		}
		MediaType contentType = headers.getContentType();
		if (contentType == null || MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| contentType.getSubtype().endsWith("+json")) {
			return "a body that is not a JSON object";
		}
		return "a " + contentType.getType() + "/" + contentType.getSubtype() + " body";
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value instanceof String || value instanceof Number) ? value.toString() : null;
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
		return (printable.length() > MAX_DESCRIPTION_LENGTH) ? printable.substring(0, MAX_DESCRIPTION_LENGTH) + "..."
				: printable;
	}

}
