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

package com.patternhealth.boot.starter;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command-line application whose classpath is the starter and nothing else stays a
 * non-web application: no web server, no Spring Security configuration, and a working
 * Pattern Health client.
 */
class NonWebApplicationTests {

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	@BeforeEach
	void stub() {
		this.server.stubFor(post("/api/auth/token")
			.willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":3600000,\"token_type\":\"bearer\"}")));
		this.server.stubFor(get("/api/v1/groups/g/members").willReturn(okJson("{\"results\":[]}")));
	}

	@Test
	void theStartersDependenciesBringNoWebServerAndNoSecurityConfiguration() {
		assertThat(WebApplicationType.deduce()).isEqualTo(WebApplicationType.NONE);
		assertThat(ClassUtils.isPresent("org.springframework.boot.web.server.WebServer", null)).isFalse();
		assertThat(ClassUtils.isPresent("jakarta.servlet.Servlet", null)).isFalse();
		assertThat(
				ClassUtils.isPresent("org.springframework.security.config.annotation.web.builders.HttpSecurity", null))
			.isFalse();
		assertThat(
				ClassUtils.isPresent("org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration", null))
			.isFalse();
	}

	@Test
	void commandLineApplicationStaysNonWebAndCallsPatternHealth() {
		// A generous token timeout keeps the count of token requests exact on a busy
		// machine
		SpringApplication application = new SpringApplication(CommandLineApplication.class);
		try (ConfigurableApplicationContext context = application.run(
				"--patternhealth.base-url=http://localhost:" + this.server.getPort(),
				"--patternhealth.client-id=client", "--patternhealth.client-secret=secret",
				"--patternhealth.token.timeout=30s")) {
			assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
			assertThat(context).isExactlyInstanceOf(AnnotationConfigApplicationContext.class);
			String members = context.getBean(MembersClient.class).members();
			assertThat(members).isEqualTo("{\"results\":[]}");
		}
		this.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
		this.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/groups/g/members")).withHeader("Authorization",
				equalTo("Bearer token-1")));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CommandLineApplication {

		@Bean
		MembersClient membersClient(@PatternHealth WebClient patternHealth) {
			return new MembersClient(patternHealth);
		}

	}

	record MembersClient(WebClient patternHealth) {

		String members() {
			return this.patternHealth.get()
				.uri("/api/v1/groups/g/members")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
		}

	}

}
