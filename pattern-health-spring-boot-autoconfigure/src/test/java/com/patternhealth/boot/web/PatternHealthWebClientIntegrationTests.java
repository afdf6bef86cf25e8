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

package com.patternhealth.boot.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.autoconfigure.PatternHealthAutoConfiguration;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the auto-configured {@code patternHealthWebClient} against a
 * WireMock stand-in for Pattern Health, in each kind of application.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatternHealthWebClientIntegrationTests {

	private static final String SECRET = "s3cr+t/=:%x";

	private static final String MEMBERS = "/api/v1/groups/g/members";

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations
		.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class);

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	@BeforeEach
	void stubPatternHealth() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		server.stubFor(get(MEMBERS).willReturn(okJson("{\"results\":[]}")));
	}

	@Test
	void callsPatternHealthWithTheTokenItObtainedAsDocumented() {
		configured(new ApplicationContextRunner()).run((context) -> {
			assertThat(callMembers(context)).isEqualTo("{\"results\":[]}");
			server.verify(1,
					postRequestedFor(urlEqualTo(TOKEN_PATH))
						.withHeader("Authorization", equalTo("Basic " + base64("client-7:" + SECRET)))
						.withHeader("Accept", equalTo("application/json"))
						.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
						.withRequestBody(equalTo("grant_type=client_credentials")));
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void reusesTheTokenAcrossCalls() {
		configured(new ApplicationContextRunner()).run((context) -> {
			for (int i = 0; i < 20; i++) {
				callMembers(context);
			}
			assertThat(tokenRequests(server)).isOne();
			server.verify(20,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void logsNeitherTheSecretNorTheTokenEvenAtTraceLevel(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("org.springframework", LogLevel.TRACE);
		logging.setLogLevel("com.patternhealth", LogLevel.TRACE);
		logging.setLogLevel("reactor.netty", LogLevel.TRACE);
		try {
			configured(new ApplicationContextRunner()).run((context) -> {
				callMembers(context);
				context.getBean("patternHealthAuthorizedClientManager").toString();
			});
		}
		finally {
			logging.setLogLevel("org.springframework", null);
			logging.setLogLevel("com.patternhealth", null);
			logging.setLogLevel("reactor.netty", null);
		}
		assertThat(output).contains("Obtained a Pattern Health access token valid for 60 minutes")
			.doesNotContain(SECRET)
			.doesNotContain(base64("client-7:" + SECRET))
			.doesNotContain("token-1");
	}

	@Test
	void worksInAServletApplicationOutsideAnyRequest() {
		configured(new WebApplicationContextRunner())
			.run((context) -> assertThat(callMembers(context)).isEqualTo("{\"results\":[]}"));
	}

	@Test
	void worksInAReactiveApplicationOutsideAnyRequest() {
		configured(new ReactiveWebApplicationContextRunner())
			.run((context) -> assertThat(callMembers(context)).isEqualTo("{\"results\":[]}"));
	}

	@Test
	void appliesTheTokenPathAndCredentialEncodingProperties() {
		server.stubFor(post("/oauth/token").willReturn(token("token-9", Duration.ofHours(1))));
		configured(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.token-path=/oauth/token", "patternhealth.token.encode-credentials=true")
			.run((context) -> {
				callMembers(context);
				server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withHeader("Authorization",
						equalTo("Basic " + base64("client-7:s3cr%2Bt%2F%3D%3A%25x"))));
				server.verify(
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-9")));
			});
	}

	@Test
	void handsARedirectToTheCallerEvenWhereBootsConnectorWouldFollowIt() {
		otherOrigin.stubFor(get("/landing").willReturn(okJson("{\"landed\":true}")));
		server.stubFor(get("/moved").willReturn(aResponse().withStatus(302)
			.withHeader("Location", otherOrigin.baseUrl() + "/landing")
			.withBody("moved")));
		configured(new ApplicationContextRunner())
			.withConfiguration(
					AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.redirects=follow")
			.run((context) -> {
				WebClient client = context.getBean("patternHealthWebClient", WebClient.class);
				assertThat(client.get().uri("/moved").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)))
					.isEqualTo("moved");
				server.verify(
						getRequestedFor(urlEqualTo("/moved")).withHeader("Authorization", equalTo("Bearer token-1")));
				assertThat(otherOrigin.getAllServeEvents()).isEmpty();
			});
	}

	@Test
	void sendsTheTokenOfAManagerTheApplicationDefined() {
		ReactiveOAuth2AuthorizedClientManager own = (request) -> Mono.just(authorizedClient("own-token"));
		configured(new ApplicationContextRunner())
			.withBean("patternHealthAuthorizedClientManager", ReactiveOAuth2AuthorizedClientManager.class, () -> own)
			.run((context) -> {
				callMembers(context);
				server.verify(
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer own-token")));
				assertThat(tokenRequests(server)).isZero();
			});
	}

	private static <R extends AbstractApplicationContextRunner<R, ?, ?>> R configured(R runner) {
		return runner.withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=" + SECRET);
	}

	private static String callMembers(ApplicationContext context) {
		WebClient client = context.getBean("patternHealthWebClient", WebClient.class);
		return client.get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
	}

	private static OAuth2AuthorizedClient authorizedClient(String token) {
		ClientRegistration registration = ClientRegistration
			.withRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.clientId("own")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(server.baseUrl() + TOKEN_PATH)
			.build();
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(registration, "own",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(60)));
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
