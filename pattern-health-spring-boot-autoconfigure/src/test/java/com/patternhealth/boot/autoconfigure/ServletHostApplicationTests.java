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
import java.util.List;
import java.util.stream.StreamSupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring MVC application with Spring Security and an OAuth2 login of its own, the
 * Pattern Health starter configured beside it, and a WireMock stand-in for both Pattern
 * Health and the host's OAuth2 provider.
 */
@SpringBootTest(classes = ServletHostApplicationTests.ServletHostApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
@DirtiesContext
class ServletHostApplicationTests {

	private static final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		server.start();
		HostFixtures.stub(server);
		HostFixtures.register(registry, HostFixtures.patternHealthProperties(server));
		HostFixtures.register(registry, HostFixtures.hostOAuth2Properties(server));
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

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
		assertThat(authorization.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith("http://localhost:" + server.port() + "/idp/authorize?")
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
		server.verify(
				postRequestedFor(urlEqualTo("/idp/token")).withRequestBody(equalTo("grant_type=client_credentials")));
		assertThat(this.context.getBean(OAuth2AuthorizedClientManager.class))
			.isInstanceOf(DefaultOAuth2AuthorizedClientManager.class);
	}

	@Test
	void patternHealthCallsWorkBesideTheHostsOwnOAuth2Client() throws Exception {
		HttpResponse<String> members = get("/pattern-health/members");
		assertThat(members.statusCode()).isEqualTo(200);
		assertThat(members.body()).isEqualTo(HostFixtures.MEMBERS_BODY);
		server.verify(getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
				equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
		server.verify(postRequestedFor(urlEqualTo("/api/auth/token"))
			.withRequestBody(equalTo("grant_type=client_credentials")));
	}

	@Test
	void hostKeepsItsRegistrationsAndItsOnlySecurityFilterChain() {
		InMemoryClientRegistrationRepository registrations = this.context
			.getBean(InMemoryClientRegistrationRepository.class);
		List<String> ids = StreamSupport.stream(registrations.spliterator(), false)
			.map(ClientRegistration::getRegistrationId)
			.toList();
		assertThat(ids).containsExactlyInAnyOrder("host-login", "host-api");
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("hostChain");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HostController.class)
	static class ServletHostApplication {

		@Bean
		SecurityFilterChain hostChain(HttpSecurity http) {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/public/**", "/host-api/**", "/pattern-health/**", "/error")
						.permitAll()
						.anyRequest()
						.authenticated());
			http.oauth2Login(Customizer.withDefaults());
			http.oauth2Client(Customizer.withDefaults());
			return http.build();
		}

	}

	@RestController
	static class HostController {

		private final WebClient patternHealth;

		HostController(@PatternHealth WebClient patternHealth) {
			this.patternHealth = patternHealth;
		}

		@GetMapping("/public/hello")
		String hello() {
			return "hello from the host";
		}

		@GetMapping("/private")
		String secret() {
			return "secret";
		}

		@GetMapping("/host-api/token")
		String hostApiToken(@RegisteredOAuth2AuthorizedClient("host-api") OAuth2AuthorizedClient client) {
			return client.getAccessToken().getTokenValue() + " valid for "
					+ Duration.between(client.getAccessToken().getIssuedAt(), client.getAccessToken().getExpiresAt())
						.toSeconds()
					+ " s";
		}

		@GetMapping("/pattern-health/members")
		String members() {
			return this.patternHealth.get()
				.uri(HostFixtures.MEMBERS_PATH)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
		}

	}

}
