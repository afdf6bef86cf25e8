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
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Token requests of an application without WebFlux, sent with a {@code RestClient} on
 * every request factory Spring Boot can pick, against a token endpoint that answers far
 * too late: each attempt ends by the HTTP client's own timeouts, so no thread stays
 * blocked in a socket read behind a timed-out attempt, even where the HTTP client ignores
 * interrupts (Apache HttpClient 5, {@code HttpURLConnection}).
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = { "jdk", "reactor", "http-components", "jetty", "simple" })
class TokenRequestHttpClientLibrariesTests {

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@Parameter
	String factory;

	@Test
	void leavesNoThreadBlockedBehindATimedOutTokenRequest() {
		server.stubFor(tokenRequest()
			.willReturn(okJson("{\"access_token\":\"late\",\"expires_in\":3600000}").withFixedDelay(15_000)));
		PatternHealthTransport.REST_CLIENT.application(new ApplicationContextRunner())
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive"))
			.withPropertyValues("spring.http.clients.imperative.factory=" + this.factory,
					"patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret", "patternhealth.token.timeout=300ms",
					"patternhealth.token.retry.max-attempts=3", "patternhealth.token.retry.initial-backoff=10ms",
					"patternhealth.token.retry.max-backoff=20ms")
			.run((context) -> {
				assertThatExceptionOfType(PatternHealthTokenException.class)
					.isThrownBy(() -> PatternHealthTransport.REST_CLIENT.call(context, MEMBERS))
					.withMessageContaining("did not answer within 300 ms (3 attempts");
				// The token endpoint holds each answer for 15 s: a thread still reading
				// one would be blocked for that long
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(blockedTokenThreads()).isEmpty());
			});
	}

	/**
	 * The token request threads that are not waiting for work, with their stacks.
	 */
	private static Map<String, String> blockedTokenThreads() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((thread) -> thread.getKey().getName().startsWith("patternhealth-tokens-"))
			.filter((thread) -> Arrays.stream(thread.getValue())
				.noneMatch((frame) -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
						&& frame.getMethodName().equals("getTask")))
			.collect(Collectors.toMap((thread) -> thread.getKey().getName(),
					(thread) -> Arrays.toString(thread.getValue())));
	}

}
