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

import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.autoconfigure.PatternHealthTransport.MembersApi;
import com.patternhealth.boot.autoconfigure.PatternHealthTransport.ReactiveMembersApi;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Only the application's {@code patternhealth} HTTP service group carries the token, and
 * Spring Boot's {@code spring.http.serviceclient.patternhealth.*} settings apply to it.
 */
class PatternHealthHttpServiceGroupTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	private ApplicationContextRunner application;

	@BeforeEach
	void configure() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(okJson("{\"results\":[]}")));
		otherOrigin.stubFor(get(MEMBERS).willReturn(okJson("{\"other\":true}")));
		this.application = PatternHealthTransport.REST_CLIENT_SERVICE.application(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret");
	}

	@Test
	void neverSendsTheTokenFromAnotherGroupEvenToPatternHealthsOrigin() {
		this.application.withUserConfiguration(OtherGroupServices.class)
			.withPropertyValues("spring.http.serviceclient.other.base-url=" + server.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(OtherApi.class).members()).isEqualTo("{\"results\":[]}");
				server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)).withoutHeader("Authorization"));
				assertThat(tokenRequests(server)).isZero();
				assertThat(context.getBean(MembersApi.class).members()).isEqualTo("{\"results\":[]}");
				server.verify(1,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
			});
	}

	@Test
	void appliesTheGroupsReadTimeout() {
		server.stubFor(get(MEMBERS).willReturn(okJson("{}").withFixedDelay(3000)));
		this.application.withPropertyValues("spring.http.serviceclient.patternhealth.read-timeout=200ms")
			.run((context) -> assertThatExceptionOfType(ResourceAccessException.class)
				.isThrownBy(() -> context.getBean(MembersApi.class).members())
				.withCauseInstanceOf(HttpTimeoutException.class));
	}

	@Test
	void appliesTheGroupsDefaultHeaders() {
		this.application.withPropertyValues("spring.http.serviceclient.patternhealth.default-header.X-Team=care")
			.run((context) -> {
				context.getBean(MembersApi.class).members();
				server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)).withHeader("X-Team", equalTo("care"))
					.withHeader("Authorization", equalTo("Bearer token-1")));
			});
	}

	@Test
	void sendsTheTokenToTheBaseUrlTheGroupsPropertiesGive() {
		this.application.withPropertyValues("spring.http.serviceclient.patternhealth.base-url=" + otherOrigin.baseUrl())
			.run((context) -> {
				assertThat(context.getBean(MembersApi.class).members()).isEqualTo("{\"other\":true}");
				otherOrigin.verify(1,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
				server.verify(0, getRequestedFor(urlEqualTo(MEMBERS)));
			});
	}

	@Test
	void configuresAWebClientGroupToo() {
		PatternHealthTransport.WEB_CLIENT_SERVICE.application(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret",
					"spring.http.serviceclient.patternhealth.default-header.X-Team=care")
			.run((context) -> {
				assertThat(context.getBean(ReactiveMembersApi.class).members().block(Duration.ofSeconds(30)))
					.isEqualTo("{\"results\":[]}");
				server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)).withHeader("X-Team", equalTo("care"))
					.withHeader("Authorization", equalTo("Bearer token-1")));
			});
	}

	@HttpExchange
	interface OtherApi {

		@GetExchange(MEMBERS)
		String members();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "other", types = OtherApi.class, clientType = HttpServiceGroup.ClientType.REST_CLIENT)
	static class OtherGroupServices {

	}

}
