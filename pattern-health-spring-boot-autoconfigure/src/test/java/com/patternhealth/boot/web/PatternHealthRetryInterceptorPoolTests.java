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
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that {@link PatternHealthRetryInterceptor} gives its connection back while it
 * waits to send a request again, with a real {@link RestClient} against WireMock whose
 * connections are lent from a pool of 2, as Apache HttpClient 5 lends its connections for
 * a route. Apache's client itself is not on the test class path: Spring Boot would pick
 * it for the {@code RestClient} of every auto-configuration test, with its own retries of
 * a {@code 429} or {@code 503}.
 */
class PatternHealthRetryInterceptorPoolTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final PatternHealthRetryPolicy policy = new PatternHealthRetryPolicy(2, Duration.ofSeconds(1),
			Duration.ofSeconds(1), Duration.ofSeconds(5));

	private final ExecutorService callers = Executors.newFixedThreadPool(3);

	@AfterEach
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void leavesTheConnectionsFreeForOtherCallsWhileRequestsWaitToBeSentAgain() throws Exception {
		server.stubFor(get("/slow")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("slow down")));
		server.stubFor(get("/fast").willReturn(ok("fast")));
		RestClient client = restClient();
		List<CompletableFuture<String>> slow = List.of(call(client, "/slow"), call(client, "/slow"));
		await().atMost(TIMEOUT).until(() -> server.findAll(getRequestedFor(urlEqualTo("/slow"))).size() == 2);
		long start = System.nanoTime();
		String fast = call(client, "/fast").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(fast).isEqualTo("fast");
		// well before the 3 s wait ends, which would free a connection held open
		assertThat(took).isLessThan(Duration.ofSeconds(2));
		assertThat(slow).noneMatch(CompletableFuture::isDone);
		server.stubFor(get("/slow").willReturn(ok("slow")));
		assertThat(CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new))).succeedsWithin(TIMEOUT);
		assertThat(slow).extracting(CompletableFuture::join).containsExactly("slow", "slow");
		server.verify(4, getRequestedFor(urlEqualTo("/slow")));
	}

	private CompletableFuture<String> call(RestClient client, String path) {
		return CompletableFuture.supplyAsync(() -> client.get().uri(path).retrieve().body(String.class), this.callers);
	}

	private RestClient restClient() {
		return RestClient.builder()
			.baseUrl(server.baseUrl())
			.requestFactory(new JdkClientHttpRequestFactory())
			.requestInterceptor(new PatternHealthRetryInterceptor(this.policy, URI.create(server.baseUrl())))
			.requestInterceptor(new Pool(2))
			.build();
	}

	/**
	 * Lends a connection to each request, at most a given number at once, and takes it
	 * back when the answer is closed, as Apache HttpClient 5's pool does for a route: the
	 * JDK's client opens as many connections as asked.
	 */
	private static final class Pool implements ClientHttpRequestInterceptor {

		private final Semaphore connections;

		Pool(int connections) {
			this.connections = new Semaphore(connections);
		}

		@Override
		public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
				throws IOException {
			try {
				if (!this.connections.tryAcquire(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IOException("No connection within " + TIMEOUT);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException();
			}
			try {
				return new Leased(execution.execute(request, body), this.connections);
			}
			catch (IOException | RuntimeException ex) {
				this.connections.release();
				throw ex;
			}
		}

	}

	/**
	 * An answer that gives its connection back when it is first closed.
	 */
	private static final class Leased extends ForwardingClientHttpResponse {

		private final Semaphore connections;

		private final AtomicBoolean closed = new AtomicBoolean();

		Leased(ClientHttpResponse response, Semaphore connections) {
			super(response);
			this.connections = connections;
		}

		@Override
		public void close() {
			super.close();
			if (this.closed.compareAndSet(false, true)) {
				this.connections.release();
			}
		}

	}

}
