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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthClientHttpRequestFactory} through
 * {@link PatternHealthRestClientConfigurer}: a call is sent through one request of the
 * underlying factory, and a request is made and copied only to send it again.
 */
class PatternHealthClientHttpRequestFactoryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String MEMBERS = "/api/v1/groups/g/members";

	@RegisterExtension
	static WireMockExtension patternHealth = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	private final RecordingRequestFactory requestFactory = new RecordingRequestFactory();

	private final PatternHealthTokenCache tokenCache = PatternHealthTokenCache
		.withCredentials(URI.create(patternHealth.baseUrl() + TOKEN_PATH), "client-7", "secret")
		.restClient(RestClient.create())
		.build();

	private final PatternHealthRetryPolicy retryPolicy = new PatternHealthRetryPolicy(3, Duration.ofMillis(10),
			Duration.ofMillis(20), Duration.ofSeconds(10));

	/**
	 * What the application's own interceptor saw of each call.
	 */
	private final List<String> seenByTheApplication = new CopyOnWriteArrayList<>();

	private final RestClient restClient = configured(this.requestFactory)
		.requestInterceptor((request, body, execution) -> {
			this.seenByTheApplication.add(String.valueOf(request.getHeaders().getFirst("Authorization")));
			return execution.execute(request, body);
		})
		.build();

	@AfterEach
	void closeTokenCache() {
		this.tokenCache.close();
	}

	@Test
	void sendsEachCallThroughTheOneRequestTheFactoryMade() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(ok("members")));
		for (int i = 0; i < 3; i++) {
			assertThat(this.restClient.get().uri(MEMBERS).retrieve().body(String.class)).isEqualTo("members");
		}
		assertThat(this.requestFactory.made).hasSize(3);
		assertThat(patternHealth.findAll(getRequestedFor(urlEqualTo(MEMBERS))))
			.extracting((request) -> request.getHeader("Authorization"))
			.containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1");
		assertThat(tokenRequests(patternHealth)).isOne();
	}

	@Test
	void handsARequestForAnotherOriginOverAsTheFactoryMadeIt() throws IOException {
		PatternHealthClientHttpRequestFactory factory = new PatternHealthClientHttpRequestFactory(this.requestFactory,
				this.tokenCache, URI.create(patternHealth.baseUrl()), this.retryPolicy);
		ClientHttpRequest request = factory.createRequest(URI.create(otherOrigin.baseUrl() + MEMBERS), HttpMethod.GET);
		assertThat(request).isSameAs(this.requestFactory.made.get(0));
		ClientHttpRequest forPatternHealth = factory.createRequest(URI.create(patternHealth.baseUrl() + MEMBERS),
				HttpMethod.GET);
		assertThat(forPatternHealth).isInstanceOf(ResendableClientHttpRequest.class);
	}

	@Test
	void replaysA401WithTheHeadersAttributesAndBodyOfTheFirstAttempt() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		stubRejectingTheFirstToken();
		String answer = this.restClient.post()
			.uri(MEMBERS)
			.header("X-Request-Id", "r-1")
			.attribute("tenant", "t-1")
			.body("{\"name\":\"Ada\"}")
			.retrieve()
			.body(String.class);
		assertThat(answer).isEqualTo("created");
		List<LoggedRequest> sent = patternHealth.findAll(postRequestedFor(urlEqualTo(MEMBERS)));
		assertThat(sent).extracting((request) -> request.getHeader("Authorization"))
			.containsExactly("Bearer token-1", "Bearer token-2");
		assertThat(sent).extracting((request) -> request.getHeader("X-Request-Id")).containsExactly("r-1", "r-1");
		assertThat(sent).extracting(LoggedRequest::getBodyAsString)
			.containsExactly("{\"name\":\"Ada\"}", "{\"name\":\"Ada\"}");
		assertThat(sent).extracting((request) -> request.getHeader("Content-Length")).containsExactly("14", "14");
		assertThat(this.requestFactory.made).hasSize(2)
			.allSatisfy((request) -> assertThat(request.getAttributes()).containsEntry("tenant", "t-1"));
		assertThat(this.seenByTheApplication).containsExactly("null");
	}

	@Test
	void sendsAnIdempotentRequestAgainAfterA429ThroughANewRequestWithAFreshCopyOfItsHeaders() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).inScenario("429")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("served"));
		patternHealth.stubFor(get(MEMBERS).inScenario("429").whenScenarioStateIs("served").willReturn(ok("members")));
		String answer = this.restClient.get().uri(MEMBERS).header("X-Request-Id", "r-2").retrieve().body(String.class);
		assertThat(answer).isEqualTo("members");
		assertThat(patternHealth.findAll(getRequestedFor(urlEqualTo(MEMBERS))))
			.extracting((request) -> request.getHeader("Authorization") + " " + request.getHeader("X-Request-Id"))
			.containsExactly("Bearer token-1 r-2", "Bearer token-1 r-2");
		assertThat(this.requestFactory.made).hasSize(2);
		assertThat(this.requestFactory.made.get(0)).isNotSameAs(this.requestFactory.made.get(1));
	}

	@Test
	void sendsABodilessRequestAsTheLibraryItselfSendsIt() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(anyUrl()).willReturn(ok("members")));
		ReactorClientHttpRequestFactory library = new ReactorClientHttpRequestFactory();
		RestClient.builder()
			.requestFactory(library)
			.build()
			.get()
			.uri(patternHealth.baseUrl() + "/bare")
			.retrieve()
			.body(String.class);
		configured(library).build().get().uri(MEMBERS).retrieve().body(String.class);
		assertThat(patternHealth.findAll(getRequestedFor(anyUrl())))
			.extracting(
					(request) -> request.getUrl() + " " + request.getHeaders().getHeader("Content-Length").isPresent())
			.containsExactly("/bare false", MEMBERS + " false");
	}

	@Test
	void givesABodyOfUnknownLengthItsContentLengthOnEveryAttempt() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		stubRejectingTheFirstToken();
		String answer = this.restClient.post()
			.uri(MEMBERS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Ada"))
			.retrieve()
			.body(String.class);
		assertThat(answer).isEqualTo("created");
		assertThat(patternHealth.findAll(postRequestedFor(urlEqualTo(MEMBERS))))
			.extracting((request) -> request.getHeader("Content-Length") + " " + request.getBodyAsString())
			.containsExactly("14 {\"name\":\"Ada\"}", "14 {\"name\":\"Ada\"}");
	}

	@Test
	void writesTheBodyToARequestThatTakesItAsAStream() throws IOException {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		MockClientHttpRequest sent = new MockClientHttpRequest();
		sent.setResponse(new MockClientHttpResponse("created".getBytes(StandardCharsets.UTF_8), HttpStatus.OK));
		RestClient restClient = configured((uri, method) -> {
			sent.setURI(uri);
			sent.setMethod(method);
			return sent;
		}).build();
		assertThat(restClient.post().uri(MEMBERS).body("{\"name\":\"Ada\"}").retrieve().body(String.class))
			.isEqualTo("created");
		assertThat(sent.getBodyAsString()).isEqualTo("{\"name\":\"Ada\"}");
		assertThat(sent.getHeaders().getFirst("Authorization")).isEqualTo("Bearer token-1");
	}

	@Test
	void refusesAMissingRequestFactory() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthClientHttpRequestFactory(null, this.tokenCache,
					URI.create(patternHealth.baseUrl()), this.retryPolicy))
			.withMessage("'requestFactory' must not be null");
	}

	@Test
	void sendsNothingOfItsOwnToAnotherOrigin() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		otherOrigin.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
		RestClient.ResponseSpec call = this.restClient.get().uri(otherOrigin.baseUrl() + MEMBERS).retrieve();
		assertThatExceptionOfType(HttpClientErrorException.TooManyRequests.class)
			.isThrownBy(() -> call.body(String.class));
		assertThat(otherOrigin.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.containsHeader("Authorization")).isFalse());
		assertThat(tokenRequests(patternHealth)).isZero();
	}

	/**
	 * A builder of a client of the stand-in, configured to send through the given request
	 * factory.
	 */
	private RestClient.Builder configured(ClientHttpRequestFactory requestFactory) {
		return new PatternHealthRestClientConfigurer(this.tokenCache, URI.create(patternHealth.baseUrl()),
				this.retryPolicy)
			.configure(RestClient.builder().baseUrl(patternHealth.baseUrl()), requestFactory);
	}

	/**
	 * Reject a POST of the members with the first token, and accept it with the second.
	 */
	private static void stubRejectingTheFirstToken() {
		patternHealth
			.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth
			.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(ok("created")));
	}

	/**
	 * The JDK's request factory, recording each request it makes.
	 */
	private static final class RecordingRequestFactory implements ClientHttpRequestFactory {

		private final JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory();

		private final List<ClientHttpRequest> made = new CopyOnWriteArrayList<>();

		RecordingRequestFactory() {
			this.requestFactory.setReadTimeout(TIMEOUT);
		}

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
			ClientHttpRequest request = this.requestFactory.createRequest(uri, httpMethod);
			this.made.add(request);
			return request;
		}

	}

}
