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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP client library of an application that adds the starter: the starter brings
 * none, so the application's own {@code RestClient} and {@code WebClient} builders stay
 * on what Spring Boot picked without it (here, the JDK's {@code HttpClient}), and the
 * starter's clients run on the same library.
 */
class HostHttpClientTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	@RegisterExtension
	final WireMockExtension otherOrigin = StandInServer.otherOrigin();

	@BeforeEach
	void stub() {
		this.server.stubFor(post("/api/auth/token")
			.willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":3600000,\"token_type\":\"bearer\"}")));
	}

	@Test
	void theStartersDependenciesBringNoHttpClientLibrary() {
		assertThat(ClassUtils.isPresent("reactor.netty.http.client.HttpClient", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients", null)).isFalse();
		assertThat(ClassUtils.isPresent("org.eclipse.jetty.client.HttpClient", null)).isFalse();
	}

	@Test
	void leavesTheApplicationsBuildersOnTheLibraryBootPicksWithoutTheStarter() {
		Class<?> requestFactoryWithout;
		Class<?> connectorWithout;
		try (ConfigurableApplicationContext context = run()) {
			requestFactoryWithout = requestFactory(context.getBean(RestClient.Builder.class));
			connectorWithout = connector(context.getBean(WebClient.Builder.class));
			assertThat(context.containsBean("patternHealthRestClient")).isFalse();
		}
		try (ConfigurableApplicationContext context = run(patternHealthProperties())) {
			assertThat(requestFactory(context.getBean(RestClient.Builder.class))).isEqualTo(requestFactoryWithout)
				.isEqualTo(JdkClientHttpRequestFactory.class);
			assertThat(connector(context.getBean(WebClient.Builder.class))).isEqualTo(connectorWithout)
				.isEqualTo(JdkClientHttpConnector.class);
			Object patternHealthRequestFactory = ReflectionTestUtils
				.getField(context.getBean("patternHealthRestClient", RestClient.class).mutate(), "requestFactory");
			assertThat(patternHealthRequestFactory).isNotNull()
				.extracting((factory) -> factory.getClass().getSimpleName())
				.isEqualTo("PatternHealthClientHttpRequestFactory");
			assertThat(ReflectionTestUtils.getField(patternHealthRequestFactory, "requestFactory"))
				.isInstanceOf(JdkClientHttpRequestFactory.class);
			assertThat(connector(context.getBean("patternHealthWebClient", WebClient.class).mutate()))
				.isEqualTo(JdkClientHttpConnector.class);
		}
	}

	@Test
	void neverFollowsARedirectToAnotherOriginWithTheToken() {
		this.server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(302)
			.withHeader("Location", "http://localhost:" + this.otherOrigin.getPort() + "/elsewhere")
			.withBody("moved")));
		this.otherOrigin.stubFor(get("/elsewhere").willReturn(okJson("{}")));
		try (ConfigurableApplicationContext context = run(patternHealthProperties())) {
			RestClient restClient = context.getBean("patternHealthRestClient", RestClient.class);
			WebClient webClient = context.getBean("patternHealthWebClient", WebClient.class);
			assertThat(restClient.get().uri(MEMBERS).retrieve().toEntity(String.class).getStatusCode().value())
				.isEqualTo(302);
			assertThat(webClient.get()
				.uri(MEMBERS)
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10))
				.getStatusCode()
				.value()).isEqualTo(302);
		}
		assertThat(this.otherOrigin.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		this.server.verify(2,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	private String[] patternHealthProperties() {
		return new String[] { "--patternhealth.base-url=http://localhost:" + this.server.getPort(),
				"--patternhealth.client-id=client", "--patternhealth.client-secret=secret",
				"--patternhealth.token.timeout=30s" };
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	private static Class<?> requestFactory(RestClient.Builder builder) {
		Object requestFactory = ReflectionTestUtils.getField(builder.build().mutate(), "requestFactory");
		return (requestFactory != null) ? requestFactory.getClass() : Void.class;
	}

	private static Class<?> connector(WebClient.Builder builder) {
		Object connector = ReflectionTestUtils.getField(builder, "connector");
		return (connector != null) ? connector.getClass() : Void.class;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
