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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One token cache serves every HTTP stack: however many blocking and reactive calls need
 * a token at once on a cold application, the token endpoint sees one request.
 */
class PatternHealthSingleFlightTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/**
	 * HTTP/1.1 with room for 2,000 connections at once: over cleartext HTTP/2 the JDK's
	 * {@code HttpClient} fails requests beyond the server's limit of concurrent streams
	 * instead of waiting for one.
	 */
	@RegisterExtension
	static WireMockExtension server = StandInServer.options().http1Only().manyConnectionsAtOnce().create();

	private ApplicationContextRunner application;

	@BeforeEach
	void configure() {
		server.stubFor(tokenRequest().willReturn(token("token-1", Duration.ofHours(1)).withFixedDelay(300)));
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		this.application = PatternHealthTransport.REST_CLIENT.application(new ApplicationContextRunner())
			.withPropertyValues("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret", "patternhealth.token.timeout=30s");
	}

	@Test
	void sharesOneTokenRequestAcrossBlockingAndReactiveCallersStartedTogether() {
		this.application.run((context) -> {
			RestClient restClient = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
					RestClient.class);
			WebClient webClient = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(32);
			try {
				List<Future<String>> blocking = submit(threads, 100, start,
						() -> restClient.get().uri(MEMBERS).retrieve().body(String.class));
				start.countDown();
				List<String> reactive = Flux.range(0, 100)
					.flatMap((i) -> webClient.get().uri(MEMBERS).retrieve().bodyToMono(String.class), 100)
					.collectList()
					.block(TIMEOUT);
				assertThat(reactive).hasSize(100).containsOnly("{}");
				assertThat(answers(blocking)).hasSize(100).containsOnly("{}");
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(tokenRequests(server)).isOne();
			server.verify(200,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	@Test
	void sharesOneTokenRequestAcrossTwoHundredBlockingCallersStartedTogether() {
		this.application.run((context) -> {
			RestClient restClient = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
					RestClient.class);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(200);
			try {
				List<Future<String>> blocking = submit(threads, 200, start,
						() -> restClient.get().uri(MEMBERS).retrieve().body(String.class));
				start.countDown();
				assertThat(answers(blocking)).hasSize(200).containsOnly("{}");
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(tokenRequests(server)).isOne();
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "Virtual threads came with Java 21")
	void sharesOneTokenRequestAcrossTwoThousandBlockingCallersOnVirtualThreads() {
		this.application.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			RestClient restClient = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
					RestClient.class);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = virtualThreads();
			try {
				List<Future<String>> blocking = submit(threads, 2000, start,
						() -> restClient.get().uri(MEMBERS).retrieve().body(String.class));
				start.countDown();
				assertThat(answers(blocking)).hasSize(2000).containsOnly("{}");
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(tokenRequests(server)).isOne();
			server.verify(2000,
					getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
		});
	}

	/**
	 * A virtual thread per task, looked up at run time: this code compiles for Java 17.
	 */
	private static ExecutorService virtualThreads() throws ReflectiveOperationException {
		return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
	}

	private static List<Future<String>> submit(ExecutorService threads, int calls, CountDownLatch start,
			Callable<String> call) {
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			results.add(threads.submit(() -> {
				if (!start.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("Not started in time");
				}
				return call.call();
			}));
		}
		return results;
	}

	private static List<String> answers(List<Future<String>> results) throws Exception {
		List<String> answers = new ArrayList<>();
		for (Future<String> result : results) {
			answers.add(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
		}
		return answers;
	}

}
