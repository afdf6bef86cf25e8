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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real host application with Spring Security and an OAuth2 login of its own, the
 * Pattern Health starter configured beside it, and a WireMock stand-in for both Pattern
 * Health and the host's OAuth2 provider. Subclasses give the application of one web
 * stack, with the same endpoints, and what differs between the stacks.
 */
@ContextConfiguration(initializers = AbstractHostApplicationTests.HostFixturesInitializer.class)
@DirtiesContext
abstract class AbstractHostApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private WireMockServer server;

	@Autowired
	ApplicationContext context;

	@Test
	void hostsEndpointsAnswerAsItsOwnSecurityConfigurationSays() throws Exception {
		HttpResponse<String> hello = get("/public/hello");
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("hello from the host");
		HttpResponse<String> secret = get("/private");
		assertThat(secret.statusCode()).isEqualTo(302);
		assertThat(secret.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/oauth2/authorization/host-login"));
		HttpResponse<String> authorization = get("/oauth2/authorization/host-login");
		assertThat(authorization.statusCode()).isEqualTo(302);
		assertThat(authorization.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location)
			.startsWith("http://localhost:" + this.server.port() + "/idp/authorize?")
			.contains("client_id=host-login-client"));
		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("/oauth2/authorization/host-login")
			.doesNotContain("/oauth2/authorization/host-api")
			.doesNotContainIgnoringCase("pattern");
	}

	@Test
	void registeredOAuth2AuthorizedClientResolvesTheHostsClientThroughSpringSecuritysManager() throws Exception {
		HttpResponse<String> token = get("/host-api/token");
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).isEqualTo(HostFixtures.HOST_API_TOKEN + " valid for 3600 s");
		this.server.verify(
				postRequestedFor(urlEqualTo("/idp/token")).withRequestBody(equalTo("grant_type=client_credentials")));
		assertAuthorizedClientManagers();
	}

	@Test
	void patternHealthCallsWorkBesideTheHostsOwnOAuth2Client() throws Exception {
		HttpResponse<String> members = get("/pattern-health/members");
		assertThat(members.statusCode()).isEqualTo(200);
		assertThat(members.body()).isEqualTo(HostFixtures.MEMBERS_BODY);
		this.server.verify(getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
				equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
		this.server.verify(postRequestedFor(urlEqualTo("/api/auth/token"))
			.withRequestBody(equalTo("grant_type=client_credentials")));
	}

	@Test
	void hostKeepsItsRegistrationsAndItsOnlySecurityFilterChain() {
		assertThat(HostFixtures.registrationIds(registrations())).containsExactlyInAnyOrder("host-login", "host-api");
		assertThat(this.context.getBeansOfType(securityFilterChainType())).containsOnlyKeys("hostChain");
	}

	/**
	 * Assert that the host's {@code @RegisteredOAuth2AuthorizedClient} was resolved by
	 * Spring Security's default authorized client manager of the stack.
	 */
	abstract void assertAuthorizedClientManagers();

	/**
	 * The host's client registrations, from the repository of the stack.
	 * @return the registrations
	 */
	abstract Iterable<ClientRegistration> registrations();

	/**
	 * The type of the security filter chain of the stack.
	 * @return the type
	 */
	abstract Class<?> securityFilterChainType();

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Starts the WireMock server of {@link HostFixtures} before the application context
	 * refreshes, so that the properties of Pattern Health and of the host's OAuth2 client
	 * are there when the conditions are evaluated, and stops it when the context closes.
	 */
	static class HostFixturesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			WireMockServer server = StandInServer.options().start();
			HostFixtures.stub(server);
			context.addApplicationListener((event) -> {
				if (event instanceof ContextClosedEvent) {
					server.stop();
				}
			});
			context.getBeanFactory().registerSingleton("hostFixturesServer", server);
			TestPropertyValues.of(HostFixtures.patternHealthProperties(server.port()))
				.and(HostFixtures.hostOAuth2Properties(server.port()))
				.applyTo(context);
		}

	}

}
