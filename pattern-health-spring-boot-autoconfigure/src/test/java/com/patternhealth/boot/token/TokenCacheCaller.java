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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The two ways the token cache is called: by reactive callers through
 * {@link PatternHealthAuthorizedClientManager}, with tokens requested by a
 * {@code WebClient}, and by blocking callers on threads of their own, with tokens
 * requested by a {@code RestClient}. Lifecycle tests run once for each. Blocking callers
 * run on threads of their own, released together by a start gate.
 */
enum TokenCacheCaller {

	/**
	 * {@code WebClient} and {@code @HttpExchange} interfaces on {@code WebClient}.
	 */
	REACTIVE {

		@Override
		PatternHealthTokenCacheBuilder transport(PatternHealthTokenCacheBuilder builder) {
			return builder.webClient(WebClient.create());
		}

		@Override
		Caller on(PatternHealthTokenCache cache) {
			PatternHealthAuthorizedClientManager manager = new PatternHealthAuthorizedClientManager(cache);
			return new Caller(cache) {

				@Override
				Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
					return manager.authorize(request);
				}

				@Override
				CompletableFuture<OAuth2AuthorizedClient> authorizeAtOnce(OAuth2AuthorizeRequest request) {
					return manager.authorize(request).toFuture();
				}

				@Override
				List<Object> concurrently(int calls) {
					return Flux.range(0, calls)
						.flatMap((i) -> manager.authorize(request("user-" + i))
							.cast(Object.class)
							.onErrorResume(Mono::just), calls)
						.collectList()
						.block(TIMEOUT);
				}

				@Override
				void reject(OAuth2AuthorizedClient client) {
					manager
						.onAuthorizationFailure(
								new ClientAuthorizationException(new OAuth2Error("invalid_token"),
										PatternHealthAuthorizedClientManager.REGISTRATION_ID),
								null, Map.of(OAuth2AuthorizedClient.class.getName(), client))
						.block();
				}

			};
		}

	},

	/**
	 * {@code RestClient} and {@code @HttpExchange} interfaces on {@code RestClient}: each
	 * call blocks a thread of Reactor's bounded elastic pool.
	 */
	BLOCKING {

		@Override
		PatternHealthTokenCacheBuilder transport(PatternHealthTokenCacheBuilder builder) {
			return builder.restClient(RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build());
		}

		@Override
		Caller on(PatternHealthTokenCache cache) {
			return new Caller(cache) {

				@Override
				Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
					return Mono.fromCallable(cache::getAuthorizedClient).subscribeOn(Schedulers.boundedElastic());
				}

				@Override
				CompletableFuture<OAuth2AuthorizedClient> authorizeAtOnce(OAuth2AuthorizeRequest request) {
					// A blocking caller returns at once exactly when a usable token is
					// cached
					return cache.acquire().isDone() ? CompletableFuture.completedFuture(cache.getAuthorizedClient())
							: new CompletableFuture<>();
				}

				@Override
				List<Object> concurrently(int calls) {
					return onThreadsOfTheirOwn(calls, () -> {
						try {
							return cache.getAuthorizedClient();
						}
						catch (RuntimeException ex) {
							return ex;
						}
					});
				}

				@Override
				void reject(OAuth2AuthorizedClient client) {
					cache.replaceRejected(client.getAccessToken());
				}

			};
		}

	};

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	abstract PatternHealthTokenCacheBuilder transport(PatternHealthTokenCacheBuilder builder);

	abstract Caller on(PatternHealthTokenCache cache);

	/**
	 * Calls one token cache as this kind of caller does.
	 */
	abstract static class Caller {

		final PatternHealthTokenCache cache;

		Caller(PatternHealthTokenCache cache) {
			this.cache = cache;
		}

		/**
		 * Obtain a token as this kind of caller does.
		 */
		abstract Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request);

		/**
		 * Obtain a token, completing the future only if the caller did not wait for the
		 * token endpoint.
		 */
		abstract CompletableFuture<OAuth2AuthorizedClient> authorizeAtOnce(OAuth2AuthorizeRequest request);

		/**
		 * Obtain a token in the given number of concurrent calls, each ending with an
		 * {@link OAuth2AuthorizedClient} or a {@link Throwable}.
		 */
		abstract List<Object> concurrently(int calls);

		/**
		 * Report that the API answered 401 to the token of the given client.
		 */
		abstract void reject(OAuth2AuthorizedClient client);

	}

	/**
	 * Run the given call on as many threads as calls, all released at once by a start
	 * gate, and collect what each returned. Every wait is bounded.
	 */
	static List<Object> onThreadsOfTheirOwn(int calls, Callable<Object> call) {
		ExecutorService threads = Executors.newFixedThreadPool(calls);
		try {
			CountDownLatch ready = new CountDownLatch(calls);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> results = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				results.add(threads.submit(() -> {
					ready.countDown();
					if (!start.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
						throw new IllegalStateException("Not started in time");
					}
					return call.call();
				}));
			}
			if (!ready.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Threads not ready in time");
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> result : results) {
				outcomes.add(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
			}
			return outcomes;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	static OAuth2AuthorizeRequest request(String principal) {
		return OAuth2AuthorizeRequest.withClientRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)
			.principal(principal)
			.build();
	}

}
