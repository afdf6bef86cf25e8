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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.patternhealth.boot.autoconfigure.PatternHealthTransport.Request;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Sinks;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.JettyClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What goes over the wire, on every HTTP client library that Spring Boot can pick: the
 * JDK's {@code HttpClient}, Reactor Netty, Apache HttpClient 5 and Jetty, each under the
 * {@code RestClient}, the {@code WebClient} and HTTP service interfaces on either. The
 * token goes to Pattern Health's origin only, never through a redirect; a {@code 401} is
 * replayed once with the same body; a {@code 429} or {@code 503} is sent again; a token
 * request that takes too long fails.
 * <p>
 * Surefire runs this class in an execution of its own, with every library on the class
 * path; the other tests run without Apache HttpClient 5 and Jetty, as before.
 */
@ParameterizedClass(name = "{0} on {1}")
@MethodSource("transportsOnLibraries")
class PatternHealthHttpClientLibrariesTests {

	/**
	 * HTTP/1.1 only, as Pattern Health's API behind TLS answers without a cleartext
	 * upgrade: the JDK's {@code HttpClient} would upgrade to cleartext HTTP/2, where it
	 * fails a streamed request body that the server answers before reading it whole
	 * ({@code RST_STREAM}), a trait of that pairing, not of the starter.
	 */
	@RegisterExtension
	static WireMockExtension server = StandInServer.options().http1Only().create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	@Parameter(0)
	PatternHealthTransport transport;

	@Parameter(1)
	HttpClientLibrary library;

	private ApplicationContextRunner application;

	static Stream<Arguments> transportsOnLibraries() {
		return Arrays.stream(PatternHealthTransport.values())
			.flatMap((transport) -> Arrays.stream(HttpClientLibrary.values())
				.map((library) -> Arguments.of(transport, library)));
	}

	@BeforeEach
	void configure() {
		this.application = this.library.apply(this.transport.application(new ApplicationContextRunner()))
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret", "patternhealth.token.timeout=30s",
					"patternhealth.api.retry.initial-backoff=10ms", "patternhealth.api.retry.max-backoff=20ms");
	}

	@Test
	void runsTheStartersClientsOnTheLibraryBootPicks() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		this.application.run((context) -> {
			RestClient restClient = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
					RestClient.class);
			WebClient webClient = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			Object requestFactory = ReflectionTestUtils.getField(restClient.mutate(), "requestFactory");
			assertThat(requestFactory).isNotNull()
				.extracting((factory) -> factory.getClass().getSimpleName())
				.isEqualTo("PatternHealthClientHttpRequestFactory");
			assertThat(ReflectionTestUtils.getField(requestFactory, "requestFactory"))
				.isInstanceOf(this.library.requestFactory);
			assertThat(ReflectionTestUtils.getField(webClient.mutate(), "connector"))
				.isInstanceOf(this.library.connector);
		});
	}

	@Test
	void sendsTheTokenToPatternHealth() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(okJson("{\"results\":[]}")));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, MEMBERS)).isEqualTo("{\"results\":[]}");
			server.verify(1,
					postRequestedFor(urlEqualTo(TOKEN_PATH))
						.withHeader("Authorization", equalTo("Basic Y2xpZW50LTc6c2VjcmV0"))
						.withRequestBody(equalTo("grant_type=client_credentials")));
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void sendsTheTokenInPlaceOfAnAuthorizationHeaderOfTheCallers() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(okJson("{\"results\":[]}")));
		this.application.run((context) -> {
			String basic = "Basic Y2xpZW50OnNlY3JldA==";
			context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class)
				.get()
				.uri(MEMBERS)
				.header(HttpHeaders.AUTHORIZATION, basic)
				.retrieve()
				.toBodilessEntity();
			context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class)
				.get()
				.uri(MEMBERS)
				.header(HttpHeaders.AUTHORIZATION, basic)
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(30));
			assertThat(server.findAll(getRequestedFor(urlEqualTo(MEMBERS))))
				.extracting((request) -> request.getHeaders().getHeader("Authorization").values())
				.containsExactly(List.of("Bearer token-1"), List.of("Bearer token-1"));
		});
	}

	@Test
	void sendsNoTokenToAnotherOrigin() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		otherOrigin.stubFor(get("/elsewhere").willReturn(okJson("{\"elsewhere\":true}")));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, otherOrigin.baseUrl() + "/elsewhere"))
				.isEqualTo("{\"elsewhere\":true}");
			otherOrigin.verify(1, getRequestedFor(urlEqualTo("/elsewhere")).withoutHeader("Authorization"));
			assertThat(tokenRequests(server)).isZero();
		});
	}

	@Test
	void handsARedirectToAnotherOriginToTheCallerWithoutFollowingIt() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(302)
			.withHeader("Location", otherOrigin.baseUrl() + "/elsewhere")
			.withBody("moved")));
		otherOrigin.stubFor(get("/elsewhere").willReturn(okJson("{\"elsewhere\":true}")));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, MEMBERS)).isEqualTo("moved");
			assertThat(otherOrigin.getAllServeEvents()).isEmpty();
			server.verify(1,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void handsARedirectWithinTheOriginToTheCallerWithoutFollowingIt() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(307)
			.withHeader("Location", server.baseUrl() + "/api/v1/moved")
			.withBody("moved")));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, MEMBERS)).isEqualTo("moved");
			server.verify(0, getRequestedFor(urlEqualTo("/api/v1/moved")));
		});
	}

	@Test
	void failsATokenRequestThatIsRedirectedWithoutSendingTheCredentialsThere() {
		server.stubFor(tokenRequest()
			.willReturn(aResponse().withStatus(302).withHeader("Location", otherOrigin.baseUrl() + "/steal")));
		otherOrigin.stubFor(post("/steal").willReturn(okJson("{\"access_token\":\"stolen\",\"expires_in\":60000}")));
		this.application.run((context) -> {
			Throwable failure = catchThrowable(() -> this.transport.call(context, MEMBERS));
			assertThat(failure).isInstanceOf(PatternHealthTokenException.class)
				.hasMessageContaining("answered HTTP 302 with a redirect to " + otherOrigin.baseUrl() + "/steal")
				.hasMessageContaining("which is not followed")
				.hasMessageNotContaining("secret");
			assertThat(otherOrigin.findAll(anyRequestedFor(anyUrl()))).isEmpty();
			assertThat(tokenRequests(server)).isOne();
			server.verify(0, getRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void replaysARejectedRequestOnceWithAFreshTokenAndTheSameBody() {
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(rejectedAfterTheBody()));
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(okJson("{\"created\":true}")));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, Request.create("{\"name\":\"Ada\"}")).block(Duration.ofSeconds(30)))
				.isEqualTo("{\"created\":true}");
			List<LoggedRequest> posts = server.findAll(postRequestedFor(urlEqualTo(MEMBERS)));
			assertThat(posts).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
			assertThat(posts).extracting(LoggedRequest::getBodyAsString)
				.containsExactly("{\"name\":\"Ada\"}", "{\"name\":\"Ada\"}");
			assertThat(tokenRequests(server)).isEqualTo(2);
		});
	}

	@Test
	void sendsARequestAnswered503And429AgainWithItsToken() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("{\"error\":\"unavailable\"}"))
			.willSetStateTo("limited"));
		server.stubFor(get(MEMBERS).inScenario("busy")
			.whenScenarioStateIs("limited")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("{\"error\":\"slow\"}"))
			.willSetStateTo("ready"));
		server.stubFor(get(MEMBERS).inScenario("busy").whenScenarioStateIs("ready").willReturn(okJson("{}")));
		this.application.run((context) -> {
			assertThat(this.transport.call(context, MEMBERS)).isEqualTo("{}");
			server.verify(3,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
			assertThat(tokenRequests(server)).isOne();
		});
	}

	@Test
	void sendsARequestAnswered503OnceWhenTheStartersRetriesAreOff() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
		this.application.withPropertyValues("patternhealth.api.retry.enabled=false").run((context) -> {
			assertThatException().isThrownBy(() -> this.transport.call(context, MEMBERS)).withMessageContaining("503");
			server.verify(1, getRequestedFor(urlEqualTo(MEMBERS)));
		});
	}

	@Test
	void sendsATokenRequestAnswered503OnceWhenItHasOneAttempt() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
		this.application.withPropertyValues("patternhealth.token.retry.max-attempts=1").run((context) -> {
			assertThatException().isThrownBy(() -> this.transport.call(context, MEMBERS))
				.isInstanceOf(PatternHealthTokenException.class)
				.withMessageContaining("HTTP 503");
			assertThat(tokenRequests(server)).isOne();
		});
	}

	@Test
	void handsTheCallerThe401WhenABodyCannotBeSentTwiceAndStillDropsTheToken() {
		assumeTrue(this.transport == PatternHealthTransport.WEB_CLIENT, "only a WebClient body can be one-shot");
		stubTokens(server, Duration.ofHours(1), "token-1", "token-2");
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(rejectedAfterTheBody()));
		server.stubFor(post(MEMBERS).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(okJson("{\"created\":true}")));
		this.application.run((context) -> {
			WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			Sinks.Many<String> oneShot = Sinks.many().unicast().onBackpressureBuffer();
			oneShot.tryEmitNext("{}");
			oneShot.tryEmitComplete();
			assertThatExceptionOfType(WebClientResponseException.Unauthorized.class).isThrownBy(() -> client.post()
				.uri(MEMBERS)
				.body(oneShot.asFlux(), String.class)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30)));
			server.verify(1, postRequestedFor(urlEqualTo(MEMBERS)));
			assertThat(client.post()
				.uri(MEMBERS)
				.bodyValue("{}")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30))).isEqualTo("{\"created\":true}");
			assertThat(tokenRequests(server)).isEqualTo(2);
		});
	}

	@Test
	void failsACallWhoseTokenRequestTakesTooLong() {
		server.stubFor(tokenRequest()
			.willReturn(okJson("{\"access_token\":\"late\",\"expires_in\":3600000}").withFixedDelay(3000)));
		this.application
			.withPropertyValues("patternhealth.token.timeout=300ms", "patternhealth.token.retry.max-attempts=1")
			.run((context) -> {
				assertThatException().isThrownBy(() -> this.transport.call(context, MEMBERS))
					.isInstanceOf(PatternHealthTokenException.class)
					.withMessageContaining("did not answer within 300 ms");
				server.verify(0, getRequestedFor(urlEqualTo(MEMBERS)));
			});
	}

	/**
	 * A {@code 401} that comes once the client has sent the whole body, as Pattern Health
	 * reads a request before it rejects it. Jetty's client fails a request whose error
	 * answer comes while it still counts the body as being sent ("Aborting request after
	 * receiving a 401 response"), which a stand-in answering at once can provoke.
	 */
	private static ResponseDefinitionBuilder rejectedAfterTheBody() {
		return unauthorized().withFixedDelay(200);
	}

	/**
	 * An HTTP client library, chosen for both {@code RestClient} and {@code WebClient} by
	 * Spring Boot's own properties.
	 */
	enum HttpClientLibrary {

		JDK("jdk", JdkClientHttpRequestFactory.class, JdkClientHttpConnector.class),

		REACTOR_NETTY("reactor", ReactorClientHttpRequestFactory.class, ReactorClientHttpConnector.class),

		HTTP_COMPONENTS("http-components", HttpComponentsClientHttpRequestFactory.class,
				HttpComponentsClientHttpConnector.class),

		JETTY("jetty", JettyClientHttpRequestFactory.class, JettyClientHttpConnector.class);

		private final String property;

		private final Class<?> requestFactory;

		private final Class<?> connector;

		HttpClientLibrary(String property, Class<?> requestFactory, Class<?> connector) {
			this.property = property;
			this.requestFactory = requestFactory;
			this.connector = connector;
		}

		ApplicationContextRunner apply(ApplicationContextRunner runner) {
			return runner
				.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
						ReactiveHttpClientAutoConfiguration.class))
				.withPropertyValues("spring.http.clients.imperative.factory=" + this.property,
						"spring.http.clients.reactive.connector=" + this.property);
		}

	}

}
