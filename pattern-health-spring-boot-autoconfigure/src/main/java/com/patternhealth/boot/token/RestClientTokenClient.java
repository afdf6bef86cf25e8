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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends token requests with a {@link RestClient}, for applications without WebFlux. The
 * request runs on a thread of its own, so that a caller which only starts a background
 * refresh never waits for it, and is interrupted when it outlives its time limit.
 *
 * @author Pattern Health Spring Boot authors
 */
final class RestClientTokenClient implements TokenClient {

	private static final String GRANT = "grant_type=client_credentials";

	private static final AtomicInteger threads = new AtomicInteger();

	private final RestClient restClient;

	private final TokenEndpoint endpoint;

	private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());

	RestClientTokenClient(RestClient restClient, TokenEndpoint endpoint) {
		this.restClient = restClient;
		this.endpoint = endpoint;
	}

	@Override
	public CompletableFuture<OAuth2AccessTokenResponse> requestToken() {
		CompletableFuture<OAuth2AccessTokenResponse> answer = new CompletableFuture<>();
		Future<?> request;
		try {
			request = this.executor.submit(() -> send(answer));
		}
		catch (RejectedExecutionException ex) {
			answer.completeExceptionally(ex);
			return answer;
		}
		answer.orTimeout(this.endpoint.timeout().toNanos(), TimeUnit.NANOSECONDS).whenComplete((token, failure) -> {
			if (failure instanceof TimeoutException) {
				request.cancel(true);
			}
		});
		return answer;
	}

	private void send(CompletableFuture<OAuth2AccessTokenResponse> answer) {
		try {
			answer.complete(this.restClient.post()
				.uri(this.endpoint.tokenUri())
				.headers((headers) -> headers.addAll(this.endpoint.headers()))
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
				throw this.endpoint.reader().invalid(status, TokenResponseReader.TOO_LARGE);
			}
			return this.endpoint.reader()
				.read(status, response.getHeaders(), new String(bytes, StandardCharsets.UTF_8));
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads() {
		return (task) -> {
			Thread thread = new Thread(task, "patternhealth-tokens-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
