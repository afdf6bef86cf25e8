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
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.patternhealth.boot.autoconfigure.PatternHealthTransport.Request;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Idempotent requests answered {@code 429} or {@code 503} are sent again, end to end
 * against WireMock, for each way an application calls Pattern Health: {@code WebClient},
 * {@code RestClient} and HTTP service interfaces on either.
 */
@ParameterizedClass
@EnumSource(PatternHealthTransport.class)
class PatternHealthApiRetryTests {

	private static final String SCENARIO = "answers";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	@Parameter
	PatternHealthTransport transport;

	private ApplicationContextRunner application;

	@BeforeEach
	void configure() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2", "token-3");
		this.application = this.transport.application(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret", "patternhealth.token.timeout=30s");
	}

	@Test
	void sendsAGetAnswered429TwiceAgainNoSoonerThanItsRetryAfter() {
		stubInSequence(() -> get(MEMBERS), tooManyRequests().withHeader("Retry-After", "1"),
				tooManyRequests().withHeader("Retry-After", "1"), okJson("{\"results\":[]}"));
		this.application.run((context) -> {
			long start = System.nanoTime();
			assertThat(this.transport.call(context, MEMBERS)).isEqualTo("{\"results\":[]}");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(authorizations(server.findAll(getRequestedFor(urlEqualTo(MEMBERS)))))
				.containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1");
			assertThat(tokenRequests(server)).isOne();
		});
	}

	@Test
	void neverSendsAPostAgain() {
		server.stubFor(post(MEMBERS).willReturn(tooManyRequests()));
		this.application.run((context) -> {
			Throwable failure = catchThrowable(
					() -> this.transport.call(context, Request.create("{\"name\":\"Ada\"}")).block(TIMEOUT));
			assertThat(Answer.of(failure).status()).isEqualTo(429);
			server.verify(1, postRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void sendsAGetAnswered503OnceAgain() {
		stubInSequence(() -> get(MEMBERS), aResponse().withStatus(503), okJson("{\"results\":[]}"));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, MEMBERS)).isEqualTo("{\"results\":[]}");
			server.verify(2, getRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void handsA429ToTheCallerAtOnceWhenItsRetryAfterExceedsTheMaximumWait() {
		server.stubFor(get(MEMBERS).willReturn(tooManyRequests().withHeader("Retry-After", "11")));
		this.application.run((context) -> {
			assertThat(Answer.of(catchThrowable(() -> this.transport.call(context, MEMBERS))).status()).isEqualTo(429);
			server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void handsTheLastAnswerAsItCameToTheCallerWhenTheAttemptsRunOut() {
		stubInSequence(() -> get(MEMBERS), tooManyRequests().withBody("{\"error\":\"first\"}"),
				aResponse().withStatus(503).withBody("{\"error\":\"second\"}"),
				tooManyRequests().withHeader("Content-Type", "application/json").withBody("{\"error\":\"third\"}"));
		this.application
			.withPropertyValues("patternhealth.api.retry.initial-backoff=10ms",
					"patternhealth.api.retry.max-backoff=20ms")
			.run((context) -> {
				Answer answer = Answer.of(catchThrowable(() -> this.transport.call(context, MEMBERS)));
				assertThat(answer).isEqualTo(new Answer(429, "{\"error\":\"third\"}"));
				server.verify(3, getRequestedFor(urlEqualTo(MEMBERS)));
			});
	}

	@Test
	void sendsNothingAgainWhenRetriesAreOff() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(503)));
		this.application.withPropertyValues("patternhealth.api.retry.enabled=false").run((context) -> {
			assertThat(Answer.of(catchThrowable(() -> this.transport.call(context, MEMBERS))).status()).isEqualTo(503);
			server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void neverSendsARequestToAnotherOriginAgain() {
		otherOrigin.stubFor(get("/elsewhere").willReturn(tooManyRequests()));
		this.application.run((context) -> {
			assertThat(
					Answer.of(catchThrowable(() -> this.transport.call(context, otherOrigin.baseUrl() + "/elsewhere")))
						.status())
				.isEqualTo(429);
			otherOrigin.verify(1, getRequestedFor(urlEqualTo("/elsewhere")));
		});
	}

	@Test
	void replaysA401WithAFreshTokenWithinEachAttempt() {
		// The retry wraps the bearer token: a second 401, in the second attempt, is
		// replayed too
		stubInSequence(() -> get(MEMBERS), unauthorized(), tooManyRequests(), unauthorized(),
				okJson("{\"results\":[]}"));
		this.application
			.withPropertyValues("patternhealth.token.unauthorized-replacement-interval=0s",
					"patternhealth.api.retry.initial-backoff=10ms", "patternhealth.api.retry.max-backoff=20ms")
			.run((context) -> {
				assertThat(this.transport.call(context, MEMBERS)).isEqualTo("{\"results\":[]}");
				assertThat(authorizations(server.findAll(getRequestedFor(urlEqualTo(MEMBERS)))))
					.containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-3");
				assertThat(tokenRequests(server)).isEqualTo(3);
			});
	}

	private static ResponseDefinitionBuilder tooManyRequests() {
		return aResponse().withStatus(429);
	}

	/**
	 * Answer the requests that match with each of the given answers in turn, and the last
	 * one from then on.
	 */
	private static void stubInSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
		for (int i = 0; i < answers.length; i++) {
			ScenarioMappingBuilder mapping = request.get()
				.inScenario(SCENARIO)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "answer-" + i)
				.willReturn(answers[i]);
			server.stubFor((i + 1 < answers.length) ? mapping.willSetStateTo("answer-" + (i + 1)) : mapping);
		}
	}

	private static List<String> authorizations(List<LoggedRequest> requests) {
		return requests.stream().map((request) -> request.getHeader("Authorization")).toList();
	}

	/**
	 * The status and body of the answer that reached the caller as an exception.
	 */
	private record Answer(int status, String body) {

		static Answer of(Throwable failure) {
			if (failure instanceof WebClientResponseException ex) {
				return new Answer(ex.getStatusCode().value(), ex.getResponseBodyAsString());
			}
			if (failure instanceof RestClientResponseException ex) {
				return new Answer(ex.getStatusCode().value(), ex.getResponseBodyAsString());
			}
			throw new AssertionError("Not an answer of Pattern Health", failure);
		}

	}

}
