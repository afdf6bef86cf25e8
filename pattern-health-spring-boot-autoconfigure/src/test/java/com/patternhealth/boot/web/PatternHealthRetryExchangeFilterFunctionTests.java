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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.web.StubExchange.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthRetryExchangeFilterFunction}, with a real
 * {@link WebClient} against WireMock and with a hand-made exchange whose answers are
 * checked for release, on virtual time.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatternHealthRetryExchangeFilterFunctionTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final PatternHealthRetryPolicy policy = new PatternHealthRetryPolicy(3, Duration.ofMillis(10),
			Duration.ofMillis(20), Duration.ofSeconds(10));

	@Test
	void sendsAGetAnswered429AgainAndGetsTheNextAnswer() {
		server.stubFor(get(MEMBERS).inScenario("429")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("recovered"));
		server.stubFor(get(MEMBERS).inScenario("429").whenScenarioStateIs("recovered").willReturn(ok("members")));
		assertThat(webClient(server.baseUrl()).get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(TIMEOUT))
			.isEqualTo("members");
		server.verify(2, getRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void neverSendsAPostAgain() {
		server.stubFor(post(MEMBERS).willReturn(aResponse().withStatus(429)));
		assertThatExceptionOfType(WebClientResponseException.TooManyRequests.class)
			.isThrownBy(() -> webClient(server.baseUrl()).post()
				.uri(MEMBERS)
				.bodyValue("{}")
				.retrieve()
				.toBodilessEntity()
				.block(TIMEOUT));
		server.verify(1, postRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void handsTheLastAnswerAsItCameToTheCallerWhenTheAttemptsRunOut() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Rate-Limit", "exceeded")
			.withBody("{\"error\":\"unavailable\"}")));
		assertThatExceptionOfType(WebClientResponseException.ServiceUnavailable.class).isThrownBy(
				() -> webClient(server.baseUrl()).get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getResponseBodyAsString()).isEqualTo("{\"error\":\"unavailable\"}");
				assertThat(ex.getHeaders().getFirst("X-Rate-Limit")).isEqualTo("exceeded");
			});
		server.verify(3, getRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void sendsNothingAgainToAnotherOrigin() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(429)));
		WebClient client = WebClient.builder()
			.filter(new PatternHealthRetryExchangeFilterFunction(this.policy, URI.create("https://api.example.com")))
			.build();
		assertThatExceptionOfType(WebClientResponseException.TooManyRequests.class).isThrownBy(
				() -> client.get().uri(server.baseUrl() + MEMBERS).retrieve().bodyToMono(String.class).block(TIMEOUT));
		server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void handsTheAnswerBeforeToTheCallerWhenTheBodyCannotBeWrittenAgain() {
		server.stubFor(put(MEMBERS).willReturn(aResponse().withStatus(429).withBody("slow down")));
		Sinks.Many<String> oneShot = Sinks.many().unicast().onBackpressureBuffer();
		oneShot.tryEmitNext("{\"name\":\"Ada\"}");
		oneShot.tryEmitComplete();
		assertThatExceptionOfType(WebClientResponseException.TooManyRequests.class)
			.isThrownBy(() -> webClient(server.baseUrl()).put()
				.uri(MEMBERS)
				.body(oneShot.asFlux(), String.class)
				.retrieve()
				.toBodilessEntity()
				.block(TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo("slow down"));
		server.verify(1, putRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void waitsForRetryAfterOnATimerAndReleasesTheAnswerItDiscards() {
		StubExchange exchange = new StubExchange(answer(429, "2"), answer(200, null));
		StepVerifier.withVirtualTime(() -> filter().filter(request(HttpMethod.GET), exchange))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((response) -> assertThat(response.statusCode().value()).isEqualTo(200))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchange.answers()).extracting(StubExchange.Answer::released).containsExactly(true, false);
	}

	@Test
	void releasesEachAnswerItDiscardsAndNotTheOneItReturns() {
		StubExchange exchange = new StubExchange(answer(429, null), answer(503, null), answer(503, null));
		StepVerifier.withVirtualTime(() -> filter().filter(request(HttpMethod.PUT), exchange))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((response) -> assertThat(response.statusCode().value()).isEqualTo(503))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(exchange.answers()).extracting(StubExchange.Answer::released).containsExactly(true, true, false);
	}

	@Test
	void releasesTheAnswerItHoldsWhenTheCallerCancelsWhileWaiting() {
		StubExchange exchange = new StubExchange(answer(429, "5"), answer(200, null));
		StepVerifier.withVirtualTime(() -> filter().filter(request(HttpMethod.GET), exchange))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(exchange.answers()).extracting(StubExchange.Answer::released).containsExactly(true);
	}

	@Test
	void releasesTheAnswerItHoldsOnceWhenTheNextAttemptFails() {
		StubExchange exchange = new StubExchange(answer(429, "1"))
			.thenFailing(new IllegalStateException("connection reset"));
		StepVerifier.withVirtualTime(() -> filter().filter(request(HttpMethod.GET), exchange))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectErrorMessage("connection reset")
			.verify(TIMEOUT);
		assertThat(exchange.answers()).extracting(StubExchange.Answer::releases).containsExactly(1);
	}

	@Test
	void releasesTheAnswerItHoldsOnceWhenTheCallerCancelsDuringTheNextAttempt() {
		StubExchange exchange = new StubExchange(answer(429, "1"));
		StepVerifier.withVirtualTime(() -> filter().filter(request(HttpMethod.GET), exchange))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.then(() -> assertThat(exchange.requests()).hasSize(2))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(exchange.answers()).extracting(StubExchange.Answer::releases).containsExactly(1);
	}

	@Test
	void logsEachRetryWithTheStatusAndTheWaitAtDebugLevel(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(PatternHealthRetryPolicy.class.getName(), LogLevel.DEBUG);
		try {
			StubExchange exchange = new StubExchange(answer(503), answer(200));
			assertThat(filter().filter(request(HttpMethod.GET), exchange).block(TIMEOUT).statusCode().value())
				.isEqualTo(200);
		}
		finally {
			logging.setLogLevel(PatternHealthRetryPolicy.class.getName(), null);
		}
		assertThat(output).containsPattern("Pattern Health answered 503 to GET " + MEMBERS
				+ "; sending it again in 0\\.\\d s \\(attempt 2 of 3\\)");
	}

	@Test
	void refusesAMissingPolicy() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthRetryExchangeFilterFunction(null, URI.create("https://api.example.com")))
			.withMessage("'policy' must not be null");
	}

	private PatternHealthRetryExchangeFilterFunction filter() {
		return new PatternHealthRetryExchangeFilterFunction(this.policy, URI.create("https://api.example.com"));
	}

	private WebClient webClient(String baseUrl) {
		return WebClient.builder()
			.baseUrl(baseUrl)
			.filter(new PatternHealthRetryExchangeFilterFunction(this.policy, URI.create(baseUrl)))
			.build();
	}

	private static ClientRequest request(HttpMethod method) {
		return ClientRequest.create(method, URI.create("https://api.example.com" + MEMBERS)).build();
	}

}
