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

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.web.PatternHealthBearerExchangeFilterFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every caller that gets no token gets a {@link PatternHealthTokenException} of its own,
 * whether it waited for the failed token request or came during the backoff after it:
 * Reactor's {@code block()} and checkpoints add suppressed exceptions to what they throw,
 * from many threads at once. Callers run concurrently through {@code Flux.flatMap} and on
 * threads of their own, against a WireMock token endpoint that answers {@code 429} with
 * {@code Retry-After: 60}.
 */
class TokenFailurePerCallerTests {

	private static final int CALLERS = 3000;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	private final List<PatternHealthTokenCache> caches = new ArrayList<>();

	private final ExecutorService threads = Executors.newFixedThreadPool(16);

	@Test
	void handsEachWebClientCallerAnExceptionOfItsOwn() {
		rateLimited();
		PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(
				cache(TokenCacheCaller.REACTIVE));
		WebClient webClient = WebClient.builder()
			.baseUrl(server.baseUrl())
			.filter(new PatternHealthBearerExchangeFilterFunction(manager, URI.create(server.baseUrl())))
			.build();
		List<Throwable> thrown = concurrently(() -> catchThrowable(
				() -> webClient.get().uri("/api/v1/groups").retrieve().toBodilessEntity().block(TIMEOUT)));
		assertEachRateLimitedCallerGotItsOwn(thrown, CALLERS);
	}

	@Test
	void handsEachCallerOfTheCacheAndOfTheManagerAnExceptionOfItsOwn() {
		rateLimited();
		PatternHealthTokenCache cache = cache(TokenCacheCaller.REACTIVE);
		PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(cache);
		AtomicInteger calls = new AtomicInteger();
		// Every other call through the cache's future, the others through the manager
		List<Throwable> thrown = concurrently(() -> catchThrowable(() -> {
			if (calls.incrementAndGet() % 2 == 0) {
				cache.authorize().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			else {
				manager.authorize(TokenCacheCaller.request("app")).block(TIMEOUT);
			}
		}));
		List<Throwable> failures = thrown.stream().<Throwable>map(TokenFailurePerCallerTests::tokenFailure).toList();
		assertEachRateLimitedCallerGotItsOwn(failures, CALLERS);
	}

	@Test
	void handsEachBlockingCallerAnExceptionOfItsOwn() {
		rateLimited();
		PatternHealthTokenCache cache = cache(TokenCacheCaller.BLOCKING);
		List<Throwable> thrown = TokenCacheCaller
			.onThreadsOfTheirOwn(300, () -> catchThrowable(cache::getAuthorizedClient))
			.stream()
			.map(Throwable.class::cast)
			.toList();
		assertEachRateLimitedCallerGotItsOwn(thrown, 300);
	}

	@Test
	void handsEachCallerARejectionOfTheCredentialsOfItsOwn() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(401)));
		PatternHealthTokenCache cache = cache(TokenCacheCaller.REACTIVE);
		PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(cache);
		List<Throwable> thrown = concurrently(
				() -> catchThrowable(() -> manager.authorize(TokenCacheCaller.request("app")).block(TIMEOUT)));
		assertEachCallerGotItsOwn(thrown, CALLERS);
		assertThat(thrown)
			.allSatisfy((ex) -> assertThat(ex).isInstanceOf(PatternHealthCredentialsRejectedException.class)
				.hasMessage("Pattern Health rejected the credentials of client 'client-7' at " + server.baseUrl()
						+ TOKEN_PATH + " (HTTP 401). Check patternhealth.client-id and patternhealth.client-secret.")
				.hasNoCause());
		assertThat(tokenRequests(server)).isOne();
	}

	/**
	 * Make the given call {@value #CALLERS} times at once: half through
	 * {@code Flux.flatMap} on Reactor's bounded elastic threads, half on threads of an
	 * executor. Every wait is bounded.
	 */
	private List<Throwable> concurrently(Callable<Throwable> call) {
		try {
			List<Future<Throwable>> onThreads = new ArrayList<>();
			for (int i = 0; i < CALLERS / 2; i++) {
				onThreads.add(this.threads.submit(call));
			}
			List<Throwable> thrown = new ArrayList<>(Flux.range(0, CALLERS / 2)
				.flatMap((i) -> Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic()), 256)
				.collectList()
				.block(TIMEOUT));
			for (Future<Throwable> result : onThreads) {
				thrown.add(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
			}
			return thrown;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Check that every caller got an exception, none of them another caller's, and that
	 * no exception in any chain collected the suppressed exceptions of other callers.
	 */
	private static void assertEachCallerGotItsOwn(List<Throwable> thrown, int callers) {
		assertThat(thrown).hasSize(callers).doesNotContainNull();
		Set<Throwable> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
		distinct.addAll(thrown);
		assertThat(distinct).hasSize(callers);
		Set<Throwable> distinctFailures = Collections.newSetFromMap(new IdentityHashMap<>());
		thrown.forEach((ex) -> distinctFailures.add(tokenFailure(ex)));
		assertThat(distinctFailures).hasSize(callers);
		for (Throwable ex : thrown) {
			assertThat(chain(ex)).allSatisfy((link) -> assertThat(link.getSuppressed()).hasSizeLessThanOrEqualTo(2));
		}
	}

	/**
	 * Check that every caller got an exception of its own that tells of the one
	 * {@code 429} of the token endpoint.
	 */
	private static void assertEachRateLimitedCallerGotItsOwn(List<Throwable> thrown, int callers) {
		assertEachCallerGotItsOwn(thrown, callers);
		assertThat(thrown).allSatisfy((ex) -> {
			PatternHealthTokenException failure = tokenFailure(ex);
			assertThat(failure).hasMessageStartingWith(
					"Pattern Health's token endpoint at " + server.baseUrl() + TOKEN_PATH + " answered HTTP 429");
			assertThat(failure.getStatusCode().value()).isEqualTo(429);
			assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(60));
			assertThat(failure.isTransient()).isTrue();
		});
		assertThat(tokenRequests(server)).isOne();
	}

	/**
	 * Return the {@link PatternHealthTokenException} nearest the top of the cause chain.
	 */
	private static PatternHealthTokenException tokenFailure(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof PatternHealthTokenException failure) {
				return failure;
			}
		}
		throw new AssertionError("No PatternHealthTokenException in the chain of " + thrown);
	}

	/**
	 * Return every exception reachable from the given one through causes and suppressed
	 * exceptions.
	 */
	private static Set<Throwable> chain(Throwable thrown) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> next = new ArrayDeque<>(List.of(thrown));
		while (!next.isEmpty()) {
			Throwable link = next.pop();
			if (seen.add(link)) {
				if (link.getCause() != null) {
					next.push(link.getCause());
				}
				for (Throwable suppressed : link.getSuppressed()) {
					next.push(suppressed);
				}
			}
		}
		return seen;
	}

	private static void rateLimited() {
		server.stubFor(tokenRequest().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
	}

	private PatternHealthTokenCache cache(TokenCacheCaller caller) {
		PatternHealthTokenCache cache = caller
			.transport(PatternHealthTokenCache.withCredentials(URI.create(server.baseUrl() + TOKEN_PATH), "client-7",
					"secret-7"))
			.build();
		this.caches.add(cache);
		return cache;
	}

	@AfterEach
	void close() {
		this.caches.forEach(PatternHealthTokenCache::close);
		this.threads.shutdownNow();
	}

}
