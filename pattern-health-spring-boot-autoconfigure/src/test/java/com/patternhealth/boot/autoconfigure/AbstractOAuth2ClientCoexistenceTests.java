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

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that configures Spring Security's OAuth2 client itself, and the Pattern Health
 * starter beside it, against the WireMock server of {@link HostFixtures}. Subclasses give
 * the context runner of one web stack, and the tests of what differs between the stacks.
 *
 * @param <R> the type of the context runner
 */
abstract class AbstractOAuth2ClientCoexistenceTests<R extends AbstractApplicationContextRunner<R, ?, ?>> {

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	R contextRunner;

	@BeforeEach
	void configure() {
		HostFixtures.stub(this.server);
		this.contextRunner = hostContextRunner().withPropertyValues(HostFixtures.patternHealthProperties(this.server));
	}

	@Test
	void patternHealthWebClientWorksBesideTheHostsOAuth2Client() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server)).run((context) -> {
			WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			String body = client.get()
				.uri(HostFixtures.MEMBERS_PATH)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo(HostFixtures.MEMBERS_BODY);
			this.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			this.server.verify(0, postRequestedFor(urlEqualTo("/idp/token")));
		});
	}

	/**
	 * A context runner with the auto-configurations of the stack's web framework, Spring
	 * Security with its OAuth2 client, and Pattern Health.
	 * @return the context runner
	 */
	abstract R hostContextRunner();

	/**
	 * Assert that the host's client_credentials client holds the token of the host's
	 * provider, with the lifetime in seconds that the provider gave, and that only that
	 * provider was asked for a token.
	 * @param client the host's authorized client
	 */
	void assertIssuedByTheHostsProvider(OAuth2AuthorizedClient client) {
		OAuth2AccessToken token = client.getAccessToken();
		assertThat(token.getTokenValue()).isEqualTo(HostFixtures.HOST_API_TOKEN);
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt()))
			.isEqualTo(Duration.ofSeconds(HostFixtures.HOST_API_EXPIRES_IN_SECONDS));
		this.server.verify(1, postRequestedFor(urlEqualTo("/idp/token")));
		this.server.verify(0, postRequestedFor(urlEqualTo("/api/auth/token")));
	}

}
