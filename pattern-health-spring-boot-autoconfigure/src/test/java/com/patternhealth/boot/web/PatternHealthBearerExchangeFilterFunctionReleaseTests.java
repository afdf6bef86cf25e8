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

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

import static com.patternhealth.boot.web.StubExchange.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link PatternHealthBearerExchangeFilterFunction} releases the body of the
 * {@code 401} it holds while it replays a request, on every path but the one where the
 * caller gets it: an answer neither read nor released keeps its connection from the pool.
 * The exchange and the manager are hand-made, so that each path can be reached.
 */
class PatternHealthBearerExchangeFilterFunctionReleaseTests {

	private static final URI BASE_URL = URI.create("https://api.example.com");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final StubTokens tokens = new StubTokens();

	@Test
	void releasesTheRejectedAnswerOnceAndNotTheReplayedOne() {
		StubExchange exchange = new StubExchange(answer(401), answer(200));
		StepVerifier.create(filter(exchange, Mono.just(client("token-2"))))
			.assertNext((response) -> assertThat(response.statusCode().value()).isEqualTo(200))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(1, 0);
	}

	@Test
	void handsTheRejectedAnswerUnreleasedToTheCallerWhenTheTokenIsTheSame() {
		StubExchange exchange = new StubExchange(answer(401));
		StepVerifier.create(filter(exchange, Mono.just(client("token-1"))))
			.assertNext((response) -> assertThat(response.statusCode().value()).isEqualTo(401))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(0);
	}

	@Test
	void releasesTheRejectedAnswerWhenTheFailureHandlerFails() {
		this.tokens.onFailure = Mono.error(new IllegalStateException("cache unavailable"));
		StubExchange exchange = new StubExchange(answer(401), answer(200));
		StepVerifier.create(filter(exchange, Mono.just(client("token-2"))))
			.expectErrorMessage("cache unavailable")
			.verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(1);
	}

	@Test
	void releasesTheRejectedAnswerWhenTheSecondTokenRequestFails() {
		StubExchange exchange = new StubExchange(answer(401));
		StepVerifier.create(filter(exchange, Mono.error(new IllegalStateException("token endpoint down"))))
			.expectErrorMessage("token endpoint down")
			.verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(1);
	}

	@Test
	void releasesTheRejectedAnswerWhenNoSecondTokenComes() {
		StubExchange exchange = new StubExchange(answer(401));
		StepVerifier.create(filter(exchange, Mono.empty())).expectComplete().verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(1);
	}

	@Test
	void releasesTheRejectedAnswerWhenTheCallerCancelsDuringTheSecondTokenRequest() {
		StubExchange exchange = new StubExchange(answer(401), answer(200));
		StepVerifier.create(filter(exchange, Mono.never()))
			.expectSubscription()
			.then(() -> assertThat(this.tokens.requests).hasValue(2))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(exchange.requests()).hasSize(1);
		assertThat(releases(exchange)).containsExactly(1);
	}

	@Test
	void releasesTheRejectedAnswerWhenTheCallerCancelsDuringTheSecondExchange() {
		StubExchange exchange = new StubExchange(answer(401));
		StepVerifier.create(filter(exchange, Mono.just(client("token-2"))))
			.expectSubscription()
			.then(() -> assertThat(exchange.requests()).hasSize(2))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(1);
	}

	@Test
	void releasesTheRejectedAnswerWhenTheSecondExchangeFails() {
		StubExchange exchange = new StubExchange(answer(401))
			.thenFailing(new IllegalStateException("connection reset"));
		StepVerifier.create(filter(exchange, Mono.just(client("token-2"))))
			.expectErrorMessage("connection reset")
			.verify(TIMEOUT);
		assertThat(releases(exchange)).containsExactly(1);
	}

	/**
	 * Send a request for Pattern Health through the filter, with {@code token-1} first
	 * and the given token for the replay.
	 */
	private Mono<ClientResponse> filter(StubExchange exchange, Mono<OAuth2AuthorizedClient> secondToken) {
		this.tokens.planned = List.of(Mono.just(client("token-1")), secondToken);
		ClientRequest request = ClientRequest.create(HttpMethod.GET, BASE_URL.resolve("/api/v1/groups/g/members"))
			.build();
		return new PatternHealthBearerExchangeFilterFunction(this.tokens, BASE_URL).filter(request, exchange);
	}

	private static List<Integer> releases(StubExchange exchange) {
		return exchange.answers().stream().map(StubExchange.Answer::releases).toList();
	}

	private static OAuth2AuthorizedClient client(String token) {
		ClientRegistration registration = ClientRegistration
			.withRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.clientId("client-7")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(BASE_URL.resolve("/api/auth/token").toString())
			.build();
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(registration, "pattern-health-application",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plusSeconds(3600)));
	}

	/**
	 * A manager that answers each request for a token with the next of the planned ones,
	 * and that is told of rejected tokens.
	 */
	private static final class StubTokens
			implements ReactiveOAuth2AuthorizedClientManager, ReactiveOAuth2AuthorizationFailureHandler {

		private List<Mono<OAuth2AuthorizedClient>> planned = List.of();

		private final AtomicInteger requests = new AtomicInteger();

		private Mono<Void> onFailure = Mono.empty();

		@Override
		public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest authorizeRequest) {
			return Mono.defer(() -> this.planned.get(this.requests.getAndIncrement()));
		}

		@Override
		public Mono<Void> onAuthorizationFailure(OAuth2AuthorizationException authorizationException,
				Authentication principal, Map<String, Object> attributes) {
			return this.onFailure;
		}

	}

}
