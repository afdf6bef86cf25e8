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

package com.patternhealth.boot.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends token requests with a {@link RestClient}, for applications without WebFlux. A
 * request runs on one of a few threads that every token cache of the application shares,
 * so that a caller which only starts a background refresh never waits for it, and a
 * hundred clients made at run time cost no thread each: each cache sends one request at a
 * time, and threads that have been idle for a while end.
 * <p>
 * A request that outlives its time limit, counted from when it starts, fails at once for
 * its callers, and its thread is interrupted. Not every HTTP client heeds an interrupt in
 * a socket read (Apache HttpClient 5 and {@code HttpURLConnection} do not), so the
 * {@code RestClient} must also end an attempt by itself: the auto-configuration gives it
 * connect and read timeouts no longer than the time limit, and no thread or socket stays
 * blocked behind a timed-out attempt.
 *
 * @author Pattern Health Spring Boot authors
 */
final class RestClientTokenClient implements TokenClient {

	private static final String GRANT = "grant_type=client_credentials";

	private static final AtomicInteger threadCount = new AtomicInteger();

	/**
	 * The most threads that send token requests at once, for every cache together.
	 */
	static final int MAX_THREADS = 8;

	private static final ThreadPoolExecutor threads = threads();

	private final RestClient restClient;

	private final TokenRequestSpec spec;

	RestClientTokenClient(RestClient restClient, TokenRequestSpec spec) {
		this.restClient = restClient;
		this.spec = spec;
	}

	@Override
	public CompletableFuture<OAuth2AccessTokenResponse> requestToken() {
		CompletableFuture<OAuth2AccessTokenResponse> answer = new CompletableFuture<>();
		try {
			threads.execute(() -> send(answer, new Attempt(Thread.currentThread())));
		}
		catch (RejectedExecutionException ex) {
			answer.completeExceptionally(ex);
		}
		return answer;
	}

	private void send(CompletableFuture<OAuth2AccessTokenResponse> answer, Attempt attempt) {
		answer.orTimeout(this.spec.timeout().toNanos(), TimeUnit.NANOSECONDS).whenComplete((token, failure) -> {
			if (failure instanceof TimeoutException) {
				attempt.interrupt();
			}
		});
		try {
			send(answer);
		}
		finally {
			attempt.end();
		}
	}

	private void send(CompletableFuture<OAuth2AccessTokenResponse> answer) {
		try {
			answer.complete(this.restClient.post()
				.uri(this.spec.tokenUri())
				.headers((headers) -> headers.addAll(this.spec.headers()))
				.body(GRANT)
				.exchange((request, response) -> read(response)));
		}
		catch (ResourceAccessException ex) {
			answer.completeExceptionally(TokenClient.ioFailure(ex));
		}
		catch (Throwable ex) {
			answer.completeExceptionally(ex);
		}
	}

	private OAuth2AccessTokenResponse read(ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		try (InputStream body = response.getBody()) {
			byte[] bytes = body.readNBytes(TokenResponseReader.MAX_BODY_SIZE + 1);
			if (bytes.length > TokenResponseReader.MAX_BODY_SIZE) {
				throw this.spec.reader().invalid(status, TokenResponseReader.TOO_LARGE);
			}
			return this.spec.reader().read(status, response.getHeaders(), new String(bytes, StandardCharsets.UTF_8));
		}
	}

	private static ThreadPoolExecutor threads() {
		ThreadFactory daemonThreads = (task) -> {
			Thread thread = new Thread(task, "patternhealth-tokens-" + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 10, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), daemonThreads);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * The thread of one attempt, interrupted when the attempt outlives its time limit but
	 * never after it ended: the thread may be sending another cache's request by then.
	 */
	private static final class Attempt {

		private final Thread thread;

		private boolean running = true;

		Attempt(Thread thread) {
			this.thread = thread;
		}

		synchronized void interrupt() {
			if (this.running) {
				this.thread.interrupt();
			}
		}

		synchronized void end() {
			this.running = false;
			// An interrupt that came too late for this attempt must not reach the next
			Thread.interrupted();
		}

	}

}
