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
import java.net.URI;
import java.time.Duration;

import com.patternhealth.boot.origin.PatternHealthOrigin;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;

/**
 * Sends a {@code RestClient} request for Pattern Health's origin again when the
 * {@link PatternHealthRetryPolicy} says so: an idempotent request answered {@code 429} or
 * {@code 503}. The calling thread sleeps between attempts, never longer than the policy's
 * maximum wait. When the attempts run out, or the thread is interrupted while it waits
 * (its interrupt flag is then set again), the last answer goes to the caller as it came.
 * <p>
 * An answer is read and closed before the thread sleeps, so that its connection goes back
 * to the pool: a client with a few connections per route (Apache HttpClient 5 has 5)
 * would otherwise keep every other call to Pattern Health waiting while requests wait to
 * be sent again. The copy, status, headers and body, is what the caller gets when the
 * thread is interrupted. An answer whose body is longer than 64 KiB cannot be held
 * without its connection, so it goes to the caller at once, as it came, and its request
 * is not sent again; one whose body cannot be read fails the call, as reading it would.
 * <p>
 * {@link PatternHealthClientHttpRequestFactory} runs it around
 * {@link PatternHealthBearerInterceptor}, so that each attempt carries a valid token and
 * replays itself after a {@code 401}.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthRetryInterceptor implements ClientHttpRequestInterceptor {

	private final PatternHealthRetryPolicy policy;

	private final PatternHealthOrigin origin;

	/**
	 * Create a new interceptor.
	 * @param policy the policy that decides when and after how long
	 * @param baseUrl the base URL whose origin's requests are sent again
	 */
	PatternHealthRetryInterceptor(PatternHealthRetryPolicy policy, URI baseUrl) {
		Assert.notNull(policy, "'policy' must not be null");
		this.policy = policy;
		this.origin = PatternHealthOrigin.ofBaseUrl(baseUrl);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!this.origin.matches(request.getURI())) {
			return execution.execute(request, body);
		}
		ClientHttpResponse response = execution.execute(request, body);
		for (int attempts = 1;; attempts++) {
			Duration delay = this.policy.delay(request.getMethod(), response.getStatusCode(), response.getHeaders(),
					attempts);
			if (delay == null) {
				return response;
			}
			ClientHttpResponse copy = BufferedClientHttpResponse.read(response);
			if (!(copy instanceof BufferedClientHttpResponse)) {
				return copy;
			}
			this.policy.logRetry(request.getMethod(), request.getURI(), copy.getStatusCode(), delay, attempts);
			if (!sleep(delay)) {
				return copy;
			}
			response = execution.execute(request, body);
		}
	}

	/**
	 * Sleep for the given time, which the policy bounds by its maximum wait.
	 * @return {@code false} if the thread was interrupted, with its interrupt flag set
	 * again
	 */
	private static boolean sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
