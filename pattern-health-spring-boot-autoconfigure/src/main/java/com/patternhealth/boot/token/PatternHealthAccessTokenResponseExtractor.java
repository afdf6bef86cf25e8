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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;

/**
 * Reads the answer of Pattern Health's token endpoint, whose {@code expires_in} is in
 * <em>milliseconds</em> where OAuth 2.0 (and Spring Security's default extractor) expects
 * seconds. A {@code 3600000} answer becomes a token that expires one hour after it was
 * issued, not 41 days later.
 * <p>
 * Error answers become a {@link PatternHealthCredentialsRejectedException} (rejected
 * credentials) or a {@link PatternHealthTokenException} (any other failure, including
 * HTML pages, unreadable JSON and answers without an access token), whose messages say
 * what the endpoint answered. Use it with
 * {@link org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient#setBodyExtractor(BodyExtractor)}.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthAccessTokenResponseExtractor
		implements BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> {

	private final TokenResponseReader reader;

	/**
	 * Create a new extractor.
	 * @param clientId the client id, named in the messages of rejected credentials
	 * @param defaultExpiresIn the lifetime given to a token whose answer has no
	 * {@code expires_in}; lifetimes are capped at one day
	 */
	public PatternHealthAccessTokenResponseExtractor(String clientId, Duration defaultExpiresIn) {
		this(new TokenResponseReader(new TokenFailures(clientId, null), defaultExpiresIn,
				PatternHealthTokenCacheBuilder.DEFAULT_MAX_LIFETIME, Clock.systemUTC()));
	}

	PatternHealthAccessTokenResponseExtractor(TokenResponseReader reader) {
		this.reader = reader;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> extract(ReactiveHttpInputMessage inputMessage, Context context) {
		HttpStatusCode status = (inputMessage instanceof ClientHttpResponse response) ? response.getStatusCode()
				: HttpStatus.OK;
		return DataBufferUtils.join(inputMessage.getBody(), TokenResponseReader.MAX_BODY_SIZE)
			.map(PatternHealthAccessTokenResponseExtractor::release)
			.defaultIfEmpty("")
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> this.reader.invalid(status, TokenResponseReader.TOO_LARGE))
			.map((body) -> read(status, inputMessage.getHeaders(), body));
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
		return this.reader.read(status, headers, body);
	}

	private static String release(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
