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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.autoconfigure.PatternHealthTransport.Request;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Faults that a new user meets: an endpoint that answers {@code 401} to a valid token, a
 * body that cannot be sent twice, a request that must not be sent twice, and exceptions
 * that must not carry the credentials.
 */
class PatternHealthFaultsTests {

	private static final String SECRET = "s3cr+t-faults";

	private static final String FORBIDDEN = "/api/v1/groups/other/members";

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@BeforeEach
	void stub() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2", "token-3", "token-4");
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		server.stubFor(get(FORBIDDEN).willReturn(unauthorized()));
	}

	@ParameterizedTest
	@EnumSource(PatternHealthTransport.class)
	void handsTheCallerThe401OfAResourceItMayNotReadWithoutATokenRequestPerCall(PatternHealthTransport transport) {
		application(transport).run((context) -> {
			URI forbidden = URI.create(server.baseUrl() + FORBIDDEN);
			for (int call = 0; call < 30; call++) {
				assertThat(catchThrowable(
						() -> transport.call(context, new Request(forbidden, null)).block(Duration.ofSeconds(30))))
					.hasMessageContaining("401");
			}
			assertThat(tokenRequests(server)).isLessThanOrEqualTo(3);
			assertThat(transport.call(context, MEMBERS)).isEqualTo("{}");
			server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void neverSendsAWebClientRequestAgainWhenItsReplayIsSwitchedOff() {
		stubRejectingTheFirstToken();
		application(PatternHealthTransport.WEB_CLIENT).run((context) -> {
			WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			assertThatExceptionOfType(WebClientResponseException.Unauthorized.class).isThrownBy(() -> client.post()
				.uri(MEMBERS)
				.attribute(PatternHealth.REPLAY_ATTRIBUTE, false)
				.bodyValue("{}")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30)));
			server.verify(1, postRequestedFor(urlEqualTo(MEMBERS)));
			assertThat(client.post().uri(MEMBERS).bodyValue("{}").retrieve().bodyToMono(String.class).block())
				.isEqualTo("{\"created\":true}");
			server.verify(1,
					postRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	@Test
	void neverSendsARestClientRequestAgainWhenItsReplayIsSwitchedOff() {
		stubRejectingTheFirstToken();
		application(PatternHealthTransport.REST_CLIENT).run((context) -> {
			RestClient client = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
			assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> client.post()
				.uri(MEMBERS)
				.attribute(PatternHealth.REPLAY_ATTRIBUTE, false)
				.body("{}")
				.retrieve()
				.body(String.class));
			server.verify(1, postRequestedFor(urlEqualTo(MEMBERS)));
			assertThat(client.post().uri(MEMBERS).body("{}").retrieve().body(String.class))
				.isEqualTo("{\"created\":true}");
			server.verify(1,
					postRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-2")));
		});
	}

	@Test
	void neverHandsACallerTheTokenThroughAnExceptionOfAFailedApiCall() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		application(PatternHealthTransport.WEB_CLIENT).run((context) -> {
			Throwable failure = catchThrowable(() -> PatternHealthTransport.WEB_CLIENT.call(context, MEMBERS));
			assertThat(failure).isInstanceOf(WebClientRequestException.class);
			assertThat(((WebClientRequestException) failure).getHeaders().containsHeader(HttpHeaders.AUTHORIZATION))
				.isFalse();
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void neverHandsACallerTheTokenThroughAnExceptionOfAnApiErrorAnswer() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(403).withBody("{\"error\":\"forbidden\"}")));
		application(PatternHealthTransport.WEB_CLIENT).run((context) -> {
			WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			WebClientResponseException failure = catchThrowableOfType(WebClientResponseException.Forbidden.class,
					() -> client.get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)));
			assertThat(failure.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
			assertThat(failure.getRequest().getURI().getPath()).isEqualTo(MEMBERS);
			assertThat(failure.getResponseBodyAs(Map.class)).containsEntry("error", "forbidden");
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@ParameterizedTest
	@EnumSource(PatternHealthTransport.class)
	void neverHandsACallerTheCredentialsThroughAnExceptionOfAFailedTokenRequest(PatternHealthTransport transport) {
		server.stubFor(tokenRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		application(transport).withPropertyValues("patternhealth.token.retry.max-attempts=1").run((context) -> {
			Throwable failure = catchThrowable(() -> transport.call(context, MEMBERS));
			assertThat(failure).hasMessageContaining("Could not reach Pattern Health's token endpoint at "
					+ server.baseUrl() + TOKEN_PATH + " (1 attempt, client 'client-7')");
			for (Throwable cause : chain(failure)) {
				assertThat(cause.toString()).doesNotContain(SECRET).doesNotContain("Basic ");
				if (cause instanceof WebClientRequestException requestException) {
					assertThat(requestException.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
				}
			}
		});
	}

	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		List<Throwable> pending = new ArrayList<>(List.of(failure));
		while (!pending.isEmpty()) {
			Throwable next = pending.remove(0);
			if (next != null && !chain.contains(next)) {
				chain.add(next);
				pending.add(next.getCause());
				pending.addAll(List.of(next.getSuppressed()));
			}
		}
		return chain;
	}

	private static ApplicationContextRunner application(PatternHealthTransport transport) {
		return transport.application(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=" + SECRET, "patternhealth.token.timeout=30s");
	}

	private static void stubRejectingTheFirstToken() {
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(okJson("{\"created\":true}")));
	}

}
