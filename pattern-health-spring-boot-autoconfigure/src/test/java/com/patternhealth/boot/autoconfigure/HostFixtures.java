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

import java.util.List;
import java.util.stream.StreamSupport;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * One WireMock server that stands in for both Pattern Health and the host application's
 * own OAuth2 provider, and the properties of a host that configures Spring Security's
 * OAuth2 client itself: a login ({@code host-login}, authorization_code) and a
 * client_credentials client ({@code host-api}).
 */
final class HostFixtures {

	static final String PATTERN_HEALTH_TOKEN = "pattern-health-token";

	static final String HOST_API_TOKEN = "host-api-token";

	/** The host's provider answers expires_in in seconds, as RFC 6749 says. */
	static final long HOST_API_EXPIRES_IN_SECONDS = 3600;

	static final String MEMBERS_PATH = "/api/v1/groups/g/members";

	static final String MEMBERS_BODY = "{\"results\":[]}";

	private HostFixtures() {
	}

	static void stub(Stubbing server) {
		server.stubFor(post("/api/auth/token").willReturn(okJson("{\"access_token\":\"" + PATTERN_HEALTH_TOKEN
				+ "\",\"expires_in\":3600000,\"token_type\":\"bearer\"}")));
		server.stubFor(get(MEMBERS_PATH).willReturn(okJson(MEMBERS_BODY)));
		server.stubFor(post("/idp/token").willReturn(okJson("{\"access_token\":\"" + HOST_API_TOKEN
				+ "\",\"expires_in\":" + HOST_API_EXPIRES_IN_SECONDS + ",\"token_type\":\"Bearer\"}")));
	}

	static List<String> registrationIds(Iterable<ClientRegistration> registrations) {
		return StreamSupport.stream(registrations.spliterator(), false)
			.map(ClientRegistration::getRegistrationId)
			.toList();
	}

	static String[] patternHealthProperties(WireMockExtension server) {
		return patternHealthProperties(server.getPort());
	}

	static String[] patternHealthProperties(int port) {
		return new String[] { "patternhealth.base-url=http://localhost:" + port,
				"patternhealth.client-id=pattern-health-client", "patternhealth.client-secret=pattern-health-secret",
				// Generous, so that the count of token requests stays exact on a busy
				// machine
				"patternhealth.token.timeout=30s" };
	}

	static String[] hostOAuth2Properties(WireMockExtension server) {
		return hostOAuth2Properties(server.getPort());
	}

	static String[] hostOAuth2Properties(int port) {
		String idp = "http://localhost:" + port + "/idp";
		String registration = "spring.security.oauth2.client.registration.";
		return new String[] { registration + "host-login.client-id=host-login-client",
				registration + "host-login.client-secret=host-login-secret",
				registration + "host-login.authorization-grant-type=authorization_code",
				registration + "host-login.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
				registration + "host-login.scope=profile", registration + "host-login.provider=host-idp",
				registration + "host-api.client-id=host-api-client",
				registration + "host-api.client-secret=host-api-secret",
				registration + "host-api.authorization-grant-type=client_credentials",
				registration + "host-api.provider=host-idp",
				"spring.security.oauth2.client.provider.host-idp.authorization-uri=" + idp + "/authorize",
				"spring.security.oauth2.client.provider.host-idp.token-uri=" + idp + "/token",
				"spring.security.oauth2.client.provider.host-idp.user-info-uri=" + idp + "/userinfo",
				"spring.security.oauth2.client.provider.host-idp.user-name-attribute=sub" };
	}

}
