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
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.autoconfigure.PatternHealthTransport.Request;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * One token across calls and the limits of the replay after a {@code 401}, end to end
 * against WireMock, for each way an application calls Pattern Health: {@code WebClient},
 * {@code RestClient} and HTTP service interfaces on either. The token, the origin rule
 * and the replay itself are tested on every HTTP client library, by
 * {@link PatternHealthHttpClientLibrariesTests}.
 */
@ParameterizedClass
@EnumSource(PatternHealthTransport.class)
class PatternHealthTransportsTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	@Parameter
	PatternHealthTransport transport;

	private ApplicationContextRunner application;

	@BeforeEach
	void configure() {
		this.application = this.transport.application(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret", "patternhealth.token.timeout=30s");
	}

	@Test
	void reusesOneTokenAcrossCalls() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		this.application.run((context) -> {
			for (int i = 0; i < 20; i++) {
				this.transport.call(context, MEMBERS);
			}
			assertThat(tokenRequests(server)).isOne();
			server.verify(20,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void handsASecond401ToTheCallerWithoutAThirdAttempt() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2", "token-3");
		server.stubFor(post(MEMBERS).willReturn(unauthorized()));
		this.application.run((context) -> {
			assertThatException()
				.isThrownBy(() -> this.transport.call(context, Request.create("{}")).block(Duration.ofSeconds(30)))
				.withMessageContaining("401");
			server.verify(2, postRequestedFor(urlEqualTo(MEMBERS)));
			assertThat(tokenRequests(server)).isEqualTo(2);
		});
	}

	@Test
	void sharesOneFreshTokenAcrossConcurrentCallsRejectedWithTheSameToken() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2", "token-3");
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		this.application.run((context) -> {
			this.transport.call(context, MEMBERS);
			stubRejectingTheFirstToken();
			List<String> answers = Flux.range(0, 100)
				.flatMap((i) -> this.transport.call(context, Request.create("{}")), 100)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(answers).hasSize(100).containsOnly("{\"created\":true}");
			assertThat(tokenRequests(server)).isEqualTo(2);
			server.verify(100,
					postRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	private static void stubRejectingTheFirstToken() {
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(okJson("{\"created\":true}")));
	}

}
