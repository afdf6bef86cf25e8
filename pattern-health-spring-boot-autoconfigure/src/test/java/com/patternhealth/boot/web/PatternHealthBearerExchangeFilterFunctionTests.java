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
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

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
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PatternHealthBearerExchangeFilterFunction} with a real
 * {@link WebClient}, a {@link PatternHealthAuthorizedClientManager} and WireMock servers
 * for Pattern Health and for another origin.
 */
class PatternHealthBearerExchangeFilterFunctionTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	@RegisterExtension
	static WireMockExtension patternHealth = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	private WebClient webClient;

	@BeforeEach
	void createWebClient() {
		this.webClient = webClient(HttpClient.create());
	}

	@Test
	void sendsTheBearerTokenToPatternHealth() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(ok("members")));
		assertThat(fetch(MEMBERS)).isEqualTo("members");
		patternHealth
			.verify(getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
	}

	@Test
	void sendsNoTokenToAnotherOrigin() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		otherOrigin.stubFor(any(anyUrl()).willReturn(ok("elsewhere")));
		patternHealth.stubFor(get("/elsewhere").willReturn(ok("same port, other host name")));
		assertThat(fetch(otherOrigin.baseUrl() + "/elsewhere")).isEqualTo("elsewhere");
		assertThat(fetch("http://127.0.0.1:" + patternHealth.getPort() + "/elsewhere"))
			.isEqualTo("same port, other host name");
		otherOrigin.verify(1, anyRequestedFor(anyUrl()).withoutHeader("Authorization"));
		patternHealth.verify(1, getRequestedFor(urlEqualTo("/elsewhere")).withoutHeader("Authorization"));
		assertThat(tokenRequests(patternHealth)).isZero();
	}

	@Test
	void neverCarriesTheTokenThroughARedirectToAnotherOrigin() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get("/moved")
			.willReturn(aResponse().withStatus(302).withHeader("Location", otherOrigin.baseUrl() + "/landing")));
		otherOrigin.stubFor(get("/landing").willReturn(ok("landed")));
		WebClient following = webClient(HttpClient.create().followRedirect(true));
		assertThat(following.get().uri("/moved").retrieve().bodyToMono(String.class).block()).isEqualTo("landed");
		patternHealth
			.verify(getRequestedFor(urlEqualTo("/moved")).withHeader("Authorization", equalTo("Bearer token-1")));
		otherOrigin.verify(1, getRequestedFor(urlEqualTo("/landing")).withoutHeader("Authorization"));
	}

	@Test
	void replaysARequestOnceWithAFreshTokenAfterA401() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(ok("members")));
		assertThat(fetch(MEMBERS)).isEqualTo("members");
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1",
				"Bearer token-2");
		assertThat(tokenRequests(patternHealth)).isEqualTo(2);
	}

	@Test
	void passesASecond401ToTheCallerWithoutLooping() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2", "token-3");
		patternHealth.stubFor(get(MEMBERS).willReturn(unauthorized()));
		assertThatExceptionOfType(WebClientResponseException.Unauthorized.class).isThrownBy(() -> fetch(MEMBERS));
		patternHealth.verify(2, getRequestedFor(urlEqualTo(MEMBERS)));
		assertThat(tokenRequests(patternHealth)).isEqualTo(2);
	}

	@Test
	void replaysAJsonBodyIntact() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		stubRejectingTheFirstToken("/api/v1/groups/g/tasks");
		this.webClient.post()
			.uri("/api/v1/groups/g/tasks")
			.bodyValue(Map.of("title", "Walk 5,000 steps", "progress", 0.5))
			.retrieve()
			.toBodilessEntity()
			.block();
		assertThat(loggedBodies("/api/v1/groups/g/tasks")).satisfiesExactly(
				(first) -> assertThat(first).contains("\"title\":\"Walk 5,000 steps\""),
				(replayed) -> assertThat(replayed).isEqualTo(loggedBodies("/api/v1/groups/g/tasks").get(0)));
	}

	@Test
	void replaysAFormBodyIntact() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		stubRejectingTheFirstToken("/api/v1/forms");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("note", "a+b=c & d");
		this.webClient.post()
			.uri("/api/v1/forms")
			.body(BodyInserters.fromFormData(form))
			.retrieve()
			.toBodilessEntity()
			.block();
		assertThat(loggedBodies("/api/v1/forms")).containsExactly("note=a%2Bb%3Dc+%26+d", "note=a%2Bb%3Dc+%26+d");
	}

	@Test
	void sharesOneFreshTokenAcrossConcurrentCallsRejectedWithTheSameToken() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		patternHealth.stubFor(get("/warm-up").willReturn(ok()));
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(ok("members")));
		fetch("/warm-up");
		List<String> bodies = Flux.range(0, 100)
			.flatMap((i) -> this.webClient.get().uri(MEMBERS).retrieve().bodyToMono(String.class), 100)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(bodies).hasSize(100).containsOnly("members");
		assertThat(tokenRequests(patternHealth)).isEqualTo(2);
		patternHealth.verify(100,
				getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-2")));
	}

	@Test
	void replaysWithTheNextTokenOfAManagerThatIsNotAFailureHandler() {
		AtomicInteger handedOut = new AtomicInteger();
		ReactiveOAuth2AuthorizedClientManager manager = (request) -> Mono
			.fromSupplier(() -> authorizedClient("token-" + handedOut.incrementAndGet()));
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(ok("members")));
		WebClient webClient = WebClient.builder()
			.baseUrl(patternHealth.baseUrl())
			.filter(new PatternHealthBearerExchangeFilterFunction(manager, URI.create(patternHealth.baseUrl())))
			.build();
		assertThat(webClient.get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)))
			.isEqualTo("members");
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1",
				"Bearer token-2");
		assertThat(tokenRequests(patternHealth)).isZero();
	}

	@Test
	void handsOnAFailedReplayAsItsFailureWithoutTheBearerToken() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1", "token-2");
		patternHealth
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(WebClientRequestException.class).isThrownBy(() -> fetch(MEMBERS))
			.satisfies((ex) -> assertThat(ex.getHeaders().containsHeader("Authorization")).isFalse());
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1",
				"Bearer token-2");
	}

	@Test
	void handsOnARequestThatFailedWithItsHeadersAndCauseButWithoutTheBearerToken() throws IOException {
		URI unreachable = URI.create("http://localhost:" + freePort());
		ReactiveOAuth2AuthorizedClientManager manager = (request) -> Mono.just(authorizedClient("token-1"));
		WebClient webClient = WebClient.builder()
			.baseUrl(unreachable.toString())
			.defaultHeader("X-Request-Id", "r-1")
			.filter(new PatternHealthBearerExchangeFilterFunction(manager, unreachable))
			.build();
		assertThatExceptionOfType(WebClientRequestException.class)
			.isThrownBy(() -> webClient.get().uri(MEMBERS).retrieve().toBodilessEntity().block(Duration.ofSeconds(30)))
			.satisfies((ex) -> {
				assertThat(ex.getHeaders().containsHeader("Authorization")).isFalse();
				assertThat(ex.getHeaders().getFirst("X-Request-Id")).isEqualTo("r-1");
				assertThat(ex.getUri()).isEqualTo(URI.create(unreachable + MEMBERS));
				assertThat(ex).hasRootCauseInstanceOf(ConnectException.class);
				// The trace is where the request failed, not where the token was taken
				// out
				assertThat(ex.getStackTrace()).noneMatch((frame) -> frame.getClassName()
					.equals(PatternHealthBearerExchangeFilterFunction.class.getName()));
			});
	}

	@Test
	void handsOnAnErrorAnswerWithTheRequestsHeadersAndAttributesButNotTheToken() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(404)));
		assertThatExceptionOfType(WebClientResponseException.NotFound.class)
			.isThrownBy(() -> this.webClient.get()
				.uri(MEMBERS)
				.header("X-Request-Id", "r-2")
				.attribute("trace", "t-1")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30)))
			.satisfies((ex) -> {
				assertThat(ex.getRequest().getHeaders().containsHeader("Authorization")).isFalse();
				assertThat(ex.getRequest().getHeaders().getFirst("X-Request-Id")).isEqualTo("r-2");
				assertThat(ex.getRequest().getAttributes()).containsEntry("trace", "t-1");
			});
	}

	@Test
	void writesTheTokenWhereNoFilterAfterItSeesIt() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(ok("members")));
		List<String> seen = new CopyOnWriteArrayList<>();
		WebClient recorded = this.webClient.mutate().filter((request, next) -> {
			seen.add(String.valueOf(request.headers().getFirst("Authorization")));
			seen.add(request.logPrefix());
			return next.exchange(request);
		}).build();
		assertThat(recorded.get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)))
			.isEqualTo("members");
		assertThat(seen).hasSize(2).first().isEqualTo("null");
		assertThat(seen.get(1)).as("the log prefix of the caller's request").matches("\\[[0-9a-f]+\\] ");
		assertThat(authorizationHeaders(getRequestedFor(urlEqualTo(MEMBERS)))).containsExactly("Bearer token-1");
	}

	@Test
	void sendsTheTokenThroughAFilterAfterItThatRebuildsTheRequest() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(ok("members")));
		WebClient rebuilding = this.webClient.mutate()
			.filter((request, next) -> next.exchange(ClientRequest.from(request).header("X-Later", "1").build()))
			.build();
		assertThat(rebuilding.get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)))
			.isEqualTo("members");
		patternHealth.verify(1, getRequestedFor(urlEqualTo(MEMBERS)).withHeader("X-Later", equalTo("1"))
			.withHeader("Authorization", equalTo("Bearer token-1")));
	}

	@Test
	void sendsTheTokenInsteadOfAnAuthorizationHeaderOfTheCallers() {
		stubTokens(patternHealth, Duration.ofHours(1), "token-1");
		patternHealth.stubFor(get(MEMBERS).willReturn(ok("members")));
		assertThat(this.webClient.get()
			.uri(MEMBERS)
			.header("Authorization", "Basic Y2xpZW50OnNlY3JldA==")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30))).isEqualTo("members");
		assertThat(patternHealth.findAll(getRequestedFor(urlEqualTo(MEMBERS)))).singleElement()
			.satisfies((request) -> assertThat(request.getHeaders().getHeader("Authorization").values())
				.containsExactly("Bearer token-1"));
	}

	@Test
	void refusesAMissingManager() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthBearerExchangeFilterFunction(null, URI.create(patternHealth.baseUrl())))
			.withMessage("'authorizedClientManager' must not be null");
	}

	private static OAuth2AuthorizedClient authorizedClient(String token) {
		ClientRegistration registration = ClientRegistration
			.withRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.clientId("own")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(patternHealth.baseUrl() + "/api/auth/token")
			.build();
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(registration, "own",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(60)));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void stubRejectingTheFirstToken(String path) {
		patternHealth
			.stubFor(post(path).withHeader("Authorization", equalTo("Bearer token-1")).willReturn(unauthorized()));
		patternHealth.stubFor(post(path).withHeader("Authorization", equalTo("Bearer token-2")).willReturn(ok()));
	}

	/**
	 * The bodies of the requests the server logged for a path, once it has logged the
	 * rejected request and its replay: under load the journal may lag the answers.
	 */
	private List<String> loggedBodies(String path) {
		RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(path));
		await().until(() -> patternHealth.findAll(pattern).size() >= 2);
		return patternHealth.findAll(pattern).stream().map(LoggedRequest::getBodyAsString).toList();
	}

	private List<String> authorizationHeaders(RequestPatternBuilder pattern) {
		return patternHealth.findAll(pattern).stream().map((request) -> request.getHeader("Authorization")).toList();
	}

	private String fetch(String uri) {
		return this.webClient.get().uri(uri).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
	}

	private static WebClient webClient(HttpClient httpClient) {
		URI baseUrl = URI.create(patternHealth.baseUrl());
		PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(
				PatternHealthTokenCache.withCredentials(URI.create(baseUrl + "/api/auth/token"), "client-7", "secret")
					.build());
		return WebClient.builder()
			.baseUrl(baseUrl.toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.filter(new PatternHealthBearerExchangeFilterFunction(manager, baseUrl))
			.build();
	}

}
