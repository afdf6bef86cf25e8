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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthRetryInterceptor}, with a real {@link RestClient} against
 * WireMock and with a hand-made execution where the answers themselves are checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatternHealthRetryInterceptorTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final PatternHealthRetryPolicy policy = new PatternHealthRetryPolicy(3, Duration.ofMillis(10),
			Duration.ofMillis(20), Duration.ofSeconds(10));

	@AfterEach
	void clearInterruptFlag() {
		Thread.interrupted();
	}

	@Test
	void sendsAGetAnswered503OnceAgainAndGetsTheSecondAnswer() {
		server.stubFor(get(MEMBERS).inScenario("503")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		server.stubFor(get(MEMBERS).inScenario("503").whenScenarioStateIs("recovered").willReturn(ok("members")));
		assertThat(restClient(server.baseUrl()).get().uri(MEMBERS).retrieve().body(String.class)).isEqualTo("members");
		server.verify(2, getRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void neverSendsAPostAgain() {
		server.stubFor(post(MEMBERS).willReturn(aResponse().withStatus(429)));
		assertThatExceptionOfType(HttpClientErrorException.TooManyRequests.class).isThrownBy(
				() -> restClient(server.baseUrl()).post().uri(MEMBERS).body("{}").retrieve().toBodilessEntity());
		server.verify(1, postRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void handsTheLastAnswerAsItCameToTheCallerWhenTheAttemptsRunOut() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Rate-Limit", "exceeded")
			.withBody("{\"error\":\"rate_limited\"}")));
		assertThatExceptionOfType(HttpClientErrorException.TooManyRequests.class)
			.isThrownBy(() -> restClient(server.baseUrl()).get().uri(MEMBERS).retrieve().body(String.class))
			.satisfies((ex) -> {
				assertThat(ex.getResponseBodyAsString()).isEqualTo("{\"error\":\"rate_limited\"}");
				assertThat(ex.getResponseHeaders().getFirst("X-Rate-Limit")).isEqualTo("exceeded");
			});
		server.verify(3, getRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void sendsNothingAgainToAnotherOrigin() {
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(429)));
		RestClient client = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.requestInterceptor(new PatternHealthRetryInterceptor(this.policy, URI.create("https://api.example.com")))
			.build();
		assertThatExceptionOfType(HttpClientErrorException.TooManyRequests.class)
			.isThrownBy(() -> client.get().uri(server.baseUrl() + MEMBERS).retrieve().body(String.class));
		server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
	}

	@Test
	void closesEachAnswerItDiscardsAndNotTheOneItReturns() throws Exception {
		Answers answers = new Answers(429, 503, 200);
		ClientHttpResponse response = interceptor().intercept(request(HttpMethod.GET), new byte[0], answers);
		assertThat(response).isSameAs(answers.sent.get(2));
		assertThat(answers.sent).extracting((answer) -> answer.closed).containsExactly(true, true, false);
	}

	@Test
	void returnsACopyOfTheLastAnswerAndKeepsTheInterruptWhenInterruptedWhileWaiting() throws Exception {
		Answers answers = new Answers(new Answer(429, "slow down").header("X-Rate-Limit", "exceeded"), new Answer(200));
		Thread.currentThread().interrupt();
		ClientHttpResponse response = interceptor().intercept(request(HttpMethod.DELETE), new byte[0], answers);
		assertThat(Thread.interrupted()).isTrue();
		assertThat(answers.sent).hasSize(1);
		assertThat(answers.sent.get(0).closed).isTrue();
		assertThat(response.getStatusCode().value()).isEqualTo(429);
		assertThat(response.getStatusText()).isEqualTo("Too Many Requests");
		assertThat(response.getHeaders().headerSet()).isEqualTo(answers.sent.get(0).headers.headerSet());
		assertThat(response.getBody()).hasContent("slow down");
	}

	@Test
	void closesEachAnswerBeforeItWaits() throws Exception {
		PatternHealthRetryPolicy slow = new PatternHealthRetryPolicy(2, Duration.ofMillis(400), Duration.ofMillis(400),
				Duration.ofSeconds(10));
		Answers answers = new Answers(429, 200);
		new PatternHealthRetryInterceptor(slow, URI.create("https://api.example.com"))
			.intercept(request(HttpMethod.GET), new byte[0], answers);
		Duration closedBeforeTheRetry = Duration.ofNanos(answers.executedAt.get(1) - answers.sent.get(0).closedAt);
		assertThat(closedBeforeTheRetry).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void handsTheLastAnswerUnreadToTheCallerWhenTheAttemptsRunOut() throws Exception {
		Answers answers = new Answers(new Answer(429, "first"), new Answer(503, "second"),
				new Answer(503, "{\"error\":\"unavailable\"}").header("X-Rate-Limit", "exceeded"));
		ClientHttpResponse response = interceptor().intercept(request(HttpMethod.GET), new byte[0], answers);
		assertThat(response).isSameAs(answers.sent.get(2));
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("X-Rate-Limit")).isEqualTo("exceeded");
		assertThat(response.getBody()).hasContent("{\"error\":\"unavailable\"}");
	}

	@Test
	void handsAnAnswerWithABodyTooLongToHoldToTheCallerAtOnceAsItCame() throws Exception {
		byte[] body = new byte[BufferedClientHttpResponse.MAX_BODY_SIZE + 1];
		Arrays.fill(body, (byte) 'x');
		body[body.length - 1] = 'y';
		Answers answers = new Answers(new Answer(429, body).header("X-Rate-Limit", "exceeded"), new Answer(200));
		ClientHttpResponse response = interceptor().intercept(request(HttpMethod.GET), new byte[0], answers);
		assertThat(answers.sent).hasSize(1);
		assertThat(answers.sent.get(0).closed).isFalse();
		assertThat(response.getStatusCode().value()).isEqualTo(429);
		assertThat(response.getHeaders().getFirst("X-Rate-Limit")).isEqualTo("exceeded");
		assertThat(response.getBody().readAllBytes()).isEqualTo(body);
		response.close();
		assertThat(answers.sent.get(0).closed).isTrue();
	}

	@Test
	void holdsAnAnswerWhoseBodyIsExactlyTheLongestHeldAndSendsTheRequestAgain() throws Exception {
		byte[] body = new byte[BufferedClientHttpResponse.MAX_BODY_SIZE];
		Arrays.fill(body, (byte) 'x');
		Answers answers = new Answers(new Answer(503, body), new Answer(200));
		ClientHttpResponse response = interceptor().intercept(request(HttpMethod.GET), new byte[0], answers);
		assertThat(answers.sent).hasSize(2);
		assertThat(answers.sent.get(0).closed).isTrue();
		assertThat(response.getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void handsAnAnswerTooLongToHoldOnWithItsStatusText() throws Exception {
		byte[] body = new byte[BufferedClientHttpResponse.MAX_BODY_SIZE + 1];
		Answers answers = new Answers(new Answer(503, body), new Answer(200));
		ClientHttpResponse response = interceptor().intercept(request(HttpMethod.GET), new byte[0], answers);
		assertThat(response.getStatusText()).isEqualTo("Service Unavailable");
		response.close();
	}

	@Test
	void refusesAMissingPolicy() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PatternHealthRetryInterceptor(null, URI.create("https://api.example.com")))
			.withMessage("'policy' must not be null");
	}

	@Test
	void closesAnAnswerWhoseBodyCannotBeReadAndFails() {
		Answers answers = new Answers(new Answer(503, (byte[]) null), new Answer(200));
		assertThatIOException().isThrownBy(() -> interceptor().intercept(request(HttpMethod.GET), new byte[0], answers))
			.withMessage("connection reset");
		assertThat(answers.sent).hasSize(1);
		assertThat(answers.sent.get(0).closed).isTrue();
	}

	@Test
	void logsEachRetryWithTheStatusAndTheWaitAtDebugLevel(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(PatternHealthRetryPolicy.class.getName(), LogLevel.DEBUG);
		try {
			interceptor().intercept(request(HttpMethod.GET), new byte[0], new Answers(429, 503, 200));
		}
		finally {
			logging.setLogLevel(PatternHealthRetryPolicy.class.getName(), null);
		}
		assertThat(output)
			.containsPattern("Pattern Health answered 429 to GET " + MEMBERS
					+ "; sending it again in 0\\.\\d s \\(attempt 2 of 3\\)")
			.containsPattern("Pattern Health answered 503 to GET " + MEMBERS
					+ "; sending it again in 0\\.\\d s \\(attempt 3 of 3\\)");
	}

	private PatternHealthRetryInterceptor interceptor() {
		return new PatternHealthRetryInterceptor(this.policy, URI.create("https://api.example.com"));
	}

	private RestClient restClient(String baseUrl) {
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(new JdkClientHttpRequestFactory())
			.requestInterceptor(new PatternHealthRetryInterceptor(this.policy, URI.create(baseUrl)))
			.build();
	}

	private static MockClientHttpRequest request(HttpMethod method) {
		return new MockClientHttpRequest(method, URI.create("https://api.example.com" + MEMBERS));
	}

	/**
	 * An execution that answers each attempt with the next of the planned answers, and
	 * records when.
	 */
	private static final class Answers implements ClientHttpRequestExecution {

		private final List<Answer> planned;

		private final List<Answer> sent = new ArrayList<>();

		private final List<Long> executedAt = new ArrayList<>();

		Answers(int... statuses) {
			this(IntStream.of(statuses).mapToObj(Answer::new).toArray(Answer[]::new));
		}

		Answers(Answer... planned) {
			this.planned = List.of(planned);
		}

		@Override
		public ClientHttpResponse execute(HttpRequest request, byte[] body) {
			this.executedAt.add(System.nanoTime());
			Answer answer = this.planned.get(this.sent.size());
			this.sent.add(answer);
			return answer;
		}

	}

	/**
	 * An answer that records when it was closed; one without a body fails to be read.
	 */
	private static final class Answer implements ClientHttpResponse {

		private final int status;

		private final HttpHeaders headers = new HttpHeaders();

		private final byte @Nullable [] body;

		private boolean closed;

		private long closedAt;

		Answer(int status) {
			this(status, "answer");
		}

		Answer(int status, String body) {
			this(status, body.getBytes(StandardCharsets.UTF_8));
		}

		Answer(int status, byte @Nullable [] body) {
			this.status = status;
			this.body = body;
			this.headers.setContentType(MediaType.TEXT_PLAIN);
		}

		Answer header(String name, String value) {
			this.headers.add(name, value);
			return this;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatusCode.valueOf(this.status);
		}

		@Override
		public String getStatusText() {
			HttpStatus status = HttpStatus.resolve(this.status);
			return (status != null) ? status.getReasonPhrase() : "";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				throw new IOException("connection reset");
			}
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
			this.closed = true;
			this.closedAt = System.nanoTime();
		}

	}

}
