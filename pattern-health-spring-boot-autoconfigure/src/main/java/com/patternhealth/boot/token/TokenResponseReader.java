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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.patternhealth.boot.retry.RetryAfter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

	/**
	 * The additional parameter of a token response that holds its lifetime in
	 * milliseconds, as Spring Security's response counts in whole seconds only.
	 */
	static final String LIFETIME_PARAMETER = "com.patternhealth.lifetime-ms";

	private static final Log logger = LogFactory.getLog(TokenResponseReader.class);

	private static final Set<String> CREDENTIAL_ERRORS = Set.of(OAuth2ErrorCodes.INVALID_CLIENT,
			OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, OAuth2ErrorCodes.INVALID_GRANT, OAuth2ErrorCodes.ACCESS_DENIED);

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final TokenFailures failures;

	private final Duration defaultExpiresIn;

	private final Duration maxLifetime;

	private final Clock clock;

	/**
	 * Create a reader.
	 * @param failures makes the exceptions of failed token requests
	 * @param defaultExpiresIn the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param maxLifetime the longest lifetime given to a token
	 * @param clock the clock that reads a {@code Retry-After} date
	 */
	TokenResponseReader(TokenFailures failures, Duration defaultExpiresIn, Duration maxLifetime, Clock clock) {
		this.failures = failures;
		this.defaultExpiresIn = defaultExpiresIn;
		this.maxLifetime = maxLifetime;
		this.clock = clock;
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
		if (status.is3xxRedirection()) {
			URI location = headers.getLocation();
			throw this.failures.invalid(status,
					((location != null) ? "a redirect to " + abbreviate(location.toString())
							: "a redirect without a Location")
							+ ", which is not followed: the credentials go to no other URL");
		}
		Map<?, ?> json = parseObject(body);
		if (!status.is2xxSuccessful() || (json != null && json.containsKey("error"))) {
			throw error(status, headers, json);
		}
		if (json == null) {
			throw this.failures.invalid(status, describeBody(headers, body) + " instead of a JSON token response");
		}
		String accessToken = text(json.get("access_token"));
		if (!StringUtils.hasText(accessToken)) {
			throw this.failures.invalid(status, "a JSON body without an access_token");
		}
		String tokenType = text(json.get("token_type"));
		if (tokenType != null && !OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(tokenType)) {
			throw this.failures.invalid(status,
					"token_type '" + abbreviate(tokenType) + "'; only bearer tokens are supported");
		}
		Duration lifetime = lifetime(status, json.get("expires_in"));
		return OAuth2AccessTokenResponse.withToken(accessToken)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(Math.max(1, lifetime.toSeconds()))
			.additionalParameters(Map.of(LIFETIME_PARAMETER, lifetime.toMillis()))
			.build();
	}

	/**
	 * Return the lifetime of a token: {@code expires_in} in milliseconds, at most the
	 * longest lifetime. Zero or less gets the default lifetime, with a warning: the token
	 * is used until the API rejects it, which is safer than asking for a new one on every
	 * call.
	 */
	private Duration lifetime(HttpStatusCode status, @Nullable Object value) {
		if (value == null) {
			return this.defaultExpiresIn;
		}
		BigDecimal milliseconds;
		try {
			milliseconds = new BigDecimal(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			milliseconds = null;
		}
		if (milliseconds == null || milliseconds.stripTrailingZeros().scale() > 0) {
			throw this.failures.invalid(status,
					"expires_in '" + abbreviate(value.toString()) + "', which is not a whole number of milliseconds");
		}
		if (milliseconds.signum() <= 0) {
			logger.warn("Pattern Health's token endpoint answered expires_in " + milliseconds.toPlainString()
					+ " for client '" + this.failures.clientId() + "'; the token is used for "
					+ TokenFailures.describe(this.defaultExpiresIn) + " (patternhealth.token.default-expires-in)"
					+ " or until Pattern Health rejects it");
			return this.defaultExpiresIn;
		}
		BigDecimal max = BigDecimal.valueOf(this.maxLifetime.toMillis());
		return Duration.ofMillis((milliseconds.compareTo(max) > 0) ? max.longValue() : milliseconds.longValue());
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
			return this.failures.rejected(error, status, answer);
		}
		OAuth2Error error = new OAuth2Error((code != null) ? code : OAuth2ErrorCodes.SERVER_ERROR, description, null);
		return this.failures.answered(error, status, RetryAfter.parse(headers, this.clock), answer);
	}

	/**
	 * The exception for an answer that is not a token response.
	 * @param status the status of the answer
	 * @param answer what the endpoint answered
	 * @return the exception
	 */
	PatternHealthTokenException invalid(HttpStatusCode status, String answer) {
		return this.failures.invalid(status, answer);
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
