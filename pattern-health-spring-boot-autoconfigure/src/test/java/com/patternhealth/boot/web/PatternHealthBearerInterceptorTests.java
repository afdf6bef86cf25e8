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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthBearerInterceptor} with a real {@link RestClient}, a
 * {@link PatternHealthTokenCache} and WireMock servers for Pattern Health and for another
 * origin on another port of the same host. Each test reads what went over the wire, and
 * when each answer was closed.
 */
class PatternHealthBearerInterceptorTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	@RegisterExtension
	static WireMockExtension patternHealth = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherPort = StandInServer.otherOrigin();

	/**
	 * What the client sent and closed, in order.
	 */
	private final List<String> exchanges = new CopyOnWriteArrayList<>();

	private final PatternHealthTokenCache tokenCache = PatternHealthTokenCache
		.withCredentials(URI.create(patternHealth.baseUrl() + TOKEN_PATH), "client-7", "secret")
		.restClient(RestClient.create())
		.build();

	private final RestClient restClient = RestClient.builder()
		.baseUrl(patternHealth.baseUrl())
		.requestFactory(requestFactory())
		.requestInterceptor(new PatternHealthBearerInterceptor(this.tokenCache, URI.create(patternHealth.baseUrl())))
		.requestInterceptor(recordExchanges())
		.build();

	@AfterEach
	void closeTokenCache() {
		this.tokenCache.close();
	}

	@Test
	void sendsTheBearerTokenToPatternHealth() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(ok("members")));
		assertThat(fetch(MEMBERS)).isEqualTo("members");
		patternHealth.verify(1,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		assertThat(tokenRequests(patternHealth)).isOne();
	}

	@Test
	void sendsNoTokenToAnotherPortOrAnotherHostNameOfTheSameMachine() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		otherPort.stubFor(any(anyUrl()).willReturn(ok("other port")));
		patternHealth.stubFor(get("/elsewhere").willReturn(ok("same port, other host name")));
		assertThat(fetch(otherPort.baseUrl() + "/elsewhere")).isEqualTo("other port");
		assertThat(fetch("http://127.0.0.1:" + patternHealth.getPort() + "/elsewhere"))
			.isEqualTo("same port, other host name");
		otherPort.verify(1, anyRequestedFor(anyUrl()).withoutHeader("Authorization"));
		patternHealth.verify(1, getRequestedFor(urlEqualTo("/elsewhere")).withoutHeader("Authorization"));
		assertThat(tokenRequests(patternHealth)).isZero();
	}

	@Test
	void closesTheRejectedAnswerAndReplaysTheRequestOnceWithAFreshToken() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(ok("members")));
		assertThat(fetch(MEMBERS)).isEqualTo("members");
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1",
				"Bearer token-2");
		assertThat(tokenRequests(patternHealth)).isEqualTo(2);
		assertThat(this.exchanges).containsExactly("sent Bearer token-1", "closed 401", "sent Bearer token-2",
				"closed 200");
	}

	@Test
	void handsASecond401ToTheCallerWithoutLooping() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2", "token-3");
		patternHealth.stubFor(get(MEMBERS).willReturn(unauthorized()));
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> fetch(MEMBERS));
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1",
				"Bearer token-2");
		assertThat(tokenRequests(patternHealth)).isEqualTo(2);
		assertThat(this.exchanges).containsExactly("sent Bearer token-1", "closed 401", "sent Bearer token-2",
				"closed 401");
	}

	@Test
	void handsThe401ToTheCallerWithoutANewTokenWhenTheRequestAsksForNoReplay() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		patternHealth.stubFor(get(MEMBERS).willReturn(unauthorized()));
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> this.restClient.get()
			.uri(MEMBERS)
			.attribute(PatternHealth.REPLAY_ATTRIBUTE, false)
			.retrieve()
			.body(String.class));
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1");
		assertThat(this.exchanges).containsExactly("sent Bearer token-1", "closed 401");
	}

	@Test
	void refusesAMissingTokenCache() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthBearerInterceptor(null, URI.create(patternHealth.baseUrl())))
			.withMessage("'tokenCache' must not be null");
	}

	private static JdkClientHttpRequestFactory requestFactory() {
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();
		requestFactory.setReadTimeout(Duration.ofSeconds(30));
		return requestFactory;
	}

	private ClientHttpRequestInterceptor recordExchanges() {
		return (request, body, execution) -> {
			this.exchanges.add("sent " + request.getHeaders().getFirst("Authorization"));
			ClientHttpResponse response = execution.execute(request, body);
			return new ForwardingClientHttpResponse(response) {

				@Override
				public void close() {
					PatternHealthBearerInterceptorTests.this.exchanges.add("closed " + status(response));
					super.close();
				}

			};
		};
	}

	private static int status(ClientHttpResponse response) {
		try {
			return response.getStatusCode().value();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> authorizationHeaders(RequestPatternBuilder pattern) {
		return patternHealth.findAll(pattern).stream().map((request) -> request.getHeader("Authorization")).toList();
	}

	private String fetch(String uri) {
		return this.restClient.get().uri(uri).retrieve().body(String.class);
	}

}
