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

import java.util.HashMap;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;

/**
 * Reads the parameters of Pattern Health's token answer, whose {@code expires_in} is in
 * milliseconds, as Spring Security's default converter does after scaling
 * {@code expires_in} to seconds: rounded down, but at least one, as the starter does. For
 * Spring Security's blocking token client, which has no body extractor to replace.
 *
 * @author Pattern Health Spring Boot authors
 */
final class MillisecondExpiresInConverter implements Converter<Map<String, Object>, OAuth2AccessTokenResponse> {

	private final Converter<Map<String, Object>, OAuth2AccessTokenResponse> delegate = new DefaultMapOAuth2AccessTokenResponseConverter();

	/**
	 * Spring Security's message converter for token answers, reading {@code expires_in}
	 * as milliseconds.
	 */
	static OAuth2AccessTokenResponseHttpMessageConverter httpMessageConverter() {
		OAuth2AccessTokenResponseHttpMessageConverter converter = new OAuth2AccessTokenResponseHttpMessageConverter();
		converter.setAccessTokenResponseConverter(new MillisecondExpiresInConverter());
		return converter;
	}

	@Override
	public OAuth2AccessTokenResponse convert(Map<String, Object> parameters) {
		Object expiresIn = parameters.get(OAuth2ParameterNames.EXPIRES_IN);
		if (expiresIn == null) {
			return this.delegate.convert(parameters);
		}
		long millis = (expiresIn instanceof Number number) ? number.longValue() : Long.parseLong(expiresIn.toString());
		Map<String, Object> scaled = new HashMap<>(parameters);
		scaled.put(OAuth2ParameterNames.EXPIRES_IN, Math.max(1, millis / 1000));
		return this.delegate.convert(scaled);
	}

}
