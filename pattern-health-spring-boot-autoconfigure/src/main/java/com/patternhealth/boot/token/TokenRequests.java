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
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.patternhealth.boot.observation.DefaultTokenRequestObservationConvention;
import com.patternhealth.boot.observation.TokenRequestObservationContext;
import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import com.patternhealth.boot.observation.TokenRequestObservationDocumentation;
import com.patternhealth.boot.retry.TokenRetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Sends the token requests of one cache: each acquisition, with its attempts and the
 * backoff between them, observed as one {@code patternhealth.token.requests} observation.
 * An acquisition ends with an answer or with a {@link PatternHealthTokenException} that
 * says what happened.
 *
 * @author Pattern Health Spring Boot authors
 */
final class TokenRequests implements AutoCloseable {

	private static final DefaultTokenRequestObservationConvention DEFAULT_CONVENTION = new DefaultTokenRequestObservationConvention();

	private final TokenClient client;

	private final TokenRetryPolicy retry;

	private final TokenFailures failures;

	private final Duration timeout;

	private final int maxAttempts;

	private final Clock clock;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TokenRequestObservationConvention observationConvention;

	private final String tokenUri;

	private final String name;

	/**
	 * Schedules the retries of every cache: one thread, which only starts attempts, so
	 * that a cache, however many are made at run time, costs no thread of its own.
	 */
	private static final ScheduledThreadPoolExecutor scheduler = scheduler();

	private final Set<TokenAcquisition> pending = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	TokenRequests(TokenClient client, TokenFailures failures, TokenCacheSettings settings) {
		this.client = client;
		this.failures = failures;
		this.tokenUri = settings.tokenUri().toString();
		this.name = settings.name();
		this.retry = new TokenRetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
		this.timeout = settings.timeout();
		this.maxAttempts = settings.maxAttempts();
		this.clock = settings.clock();
		this.observationRegistry = settings.observationRegistry();
		this.observationConvention = settings.observationConvention();
	}

	private static ScheduledThreadPoolExecutor scheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "patternhealth-token-retry");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setKeepAliveTime(10, TimeUnit.SECONDS);
		scheduler.allowCoreThreadTimeOut(true);
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	/**
	 * Acquire a token: attempt, and attempt again after a failure that may pass.
	 * @param trigger what started the acquisition
	 * @return the answer, or a failure with a {@link PatternHealthTokenException}
	 */
	CompletableFuture<Answer> acquire(TokenRequestTrigger trigger) {
		TokenRequestObservationContext context = new TokenRequestObservationContext(this.name, this.failures.clientId(),
				this.tokenUri, trigger.getValue());
		Observation observation = TokenRequestObservationDocumentation.TOKEN_REQUESTS
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		TokenAcquisition acquisition = new TokenAcquisition(observation, context);
		this.pending.add(acquisition);
		acquisition.answer().whenComplete((answer, failure) -> this.pending.remove(acquisition));
		// Checked after it is pending: a close either sees it or is seen here
		if (this.closed) {
			acquisition.fail(this.failures.closed());
		}
		else {
			attempt(acquisition, 1);
		}
		return acquisition.answer();
	}

	private void attempt(TokenAcquisition acquisition, int attempt) {
		if (acquisition.isEnded()) {
			return;
		}
		acquisition.attempting(attempt);
		Instant requestedAt = this.clock.instant();
		CompletableFuture<OAuth2AccessTokenResponse> response;
		try {
			response = this.client.requestToken();
		}
		catch (RuntimeException ex) {
			response = CompletableFuture.failedFuture(ex);
		}
		response.whenComplete((token, failure) -> {
			if (failure == null) {
				acquisition.succeed(new Answer(token, requestedAt));
				return;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			Duration delay = this.closed ? null : this.retry.delay(cause, attempt);
			if (delay != null) {
				try {
					scheduler.schedule(() -> attempt(acquisition, attempt + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
					acquisition.retrying();
					return;
				}
				catch (RuntimeException ex) {
					// Not scheduled: fail below
				}
			}
			acquisition.fail(this.closed ? this.failures.closed() : describe(cause));
		});
	}

	/**
	 * Say what happened in terms a user can act on; the transport's exception stays the
	 * cause only when it carries no request headers.
	 */
	private PatternHealthTokenException describe(Throwable ex) {
		if (ex instanceof PatternHealthTokenException tokenException) {
			return tokenException;
		}
		if (isTimeout(ex)) {
			return this.failures.timedOut(this.timeout, this.maxAttempts);
		}
		if (ex instanceof IOException) {
			return this.failures.unreachable(ex, rootMessage(ex), this.maxAttempts);
		}
		return this.failures.failed(ex, rootMessage(ex));
	}

	/**
	 * Whether the failure is a time limit that ran out: this cache's own, or the HTTP
	 * client's read or connect timeout, which is no longer than this cache's and may run
	 * out first. Either way the endpoint did not answer in time, and the user is told so
	 * in the same words.
	 */
	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof HttpTimeoutException
					|| cause.getClass().getName().equals("io.netty.handler.timeout.ReadTimeoutException")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Describe the deepest cause that says what happened; a connection refused by an HTTP
	 * client that gives no message is named as such.
	 */
	private static String rootMessage(Throwable ex) {
		String message = null;
		boolean refused = false;
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			message = (cause.getMessage() != null) ? cause.getMessage() : message;
			refused = refused || cause instanceof ConnectException;
		}
		if (message != null) {
			return message;
		}
		return refused ? "Connection refused" : ex.getClass().getSimpleName();
	}

	/**
	 * Stop retrying: every acquisition under way, with a request in flight or a retry
	 * scheduled, ends at once with the {@linkplain TokenFailures#closed() closed}
	 * failure, its observation included; an answer that arrives later is dropped.
	 */
	@Override
	public void close() {
		this.closed = true;
		for (TokenAcquisition acquisition : this.pending) {
			acquisition.fail(this.failures.closed());
		}
		this.client.close();
	}

	/**
	 * The answer of the token endpoint, with the instant its request was sent.
	 *
	 * @param response the token response
	 * @param requestedAt when the request that got it was sent
	 */
	record Answer(OAuth2AccessTokenResponse response, Instant requestedAt) {

	}

}
