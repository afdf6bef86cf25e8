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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet or WebFlux application without Spring Security answers every request exactly
 * as it did before the starter was configured: nothing locked, no login page.
 */
class PlainHostApplicationTests {

	private static final List<String> PATHS = List.of("/public/hello", "/", "/login", "/logout",
			"/oauth2/authorization/pattern-health", "/login/oauth2/code/pattern-health", "/does-not-exist");

	/** Stands for an application that does not use Spring Security. */
	private static final String WITHOUT_SPRING_SECURITY = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
			// The Actuator's, as the Actuator is on the test class path
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration";

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void stub() {
		HostFixtures.stub(this.server);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void everyEndpointAnswersAsItDidWithoutTheStarter(WebApplicationType type) throws Exception {
		List<String> before;
		try (ConfigurableApplicationContext context = run(type)) {
			assertThat(context.getBeanNamesForType(WebClient.class)).isEmpty();
			before = answers(context);
		}
		try (ConfigurableApplicationContext context = run(type, HostFixtures.patternHealthProperties(this.server))) {
			assertThat(context.getBeanNamesForType(WebClient.class))
				.containsExactly(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME);
			assertThat(answers(context)).isEqualTo(before);
			String members = context.getBean(WebClient.class)
				.get()
				.uri(HostFixtures.MEMBERS_PATH)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(members).isEqualTo(HostFixtures.MEMBERS_BODY);
		}
		assertThat(before.get(0)).startsWith("/public/hello 200 hello from the host");
		assertThat(before).filteredOn((answer) -> answer.startsWith("/login "))
			.singleElement()
			.asString()
			.contains(" 404");
		this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
				equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
	}

	private ConfigurableApplicationContext run(WebApplicationType type, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add(WITHOUT_SPRING_SECURITY);
		all.add("server.port=0");
		return new SpringApplicationBuilder(PlainHostApplication.class).web(type)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private List<String> answers(ConfigurableApplicationContext context) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		List<String> answers = new ArrayList<>();
		for (String path : PATHS) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			String body = (response.statusCode() == 200) ? response.body() : "";
			answers.add(path + " " + response.statusCode() + " " + body + " location="
					+ response.headers().firstValue("Location").orElse("") + " www-authenticate="
					+ response.headers().firstValue("WWW-Authenticate").orElse("") + " cookie="
					+ response.headers().firstValue("Set-Cookie").isPresent());
		}
		return answers;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(PlainController.class)
	static class PlainHostApplication {

	}

	@RestController
	static class PlainController {

		@GetMapping("/public/hello")
		String hello() {
			return "hello from the host";
		}

	}

}
