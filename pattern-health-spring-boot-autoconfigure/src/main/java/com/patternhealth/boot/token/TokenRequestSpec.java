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

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;

/**
 * What every {@link TokenClient} needs to ask Pattern Health for a token: the grant
 * request (the token URI and the credentials), the headers it is sent with, the reader of
 * the answer and the time limit of one request.
 *
 * @param grantRequest the client credentials grant request
 * @param headersConverter makes the request headers, Basic authentication included
 * @param reader reads the answer
 * @param timeout the time limit of one request
 * @author Pattern Health Spring Boot authors
 */
record TokenRequestSpec(OAuth2ClientCredentialsGrantRequest grantRequest,
		DefaultOAuth2TokenRequestHeadersConverter<OAuth2ClientCredentialsGrantRequest> headersConverter,
		TokenResponseReader reader, Duration timeout) {

	String tokenUri() {
		return this.grantRequest.getClientRegistration().getProviderDetails().getTokenUri();
	}

	HttpHeaders headers() {
		return this.headersConverter.convert(this.grantRequest);
	}

}
