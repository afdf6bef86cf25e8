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

import java.net.URI;
import java.time.Duration;

import com.patternhealth.boot.origin.PatternHealthOrigin;
import com.patternhealth.boot.retry.PatternHealthRetryPolicy;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends a {@code WebClient} request for Pattern Health's origin again when the
 * {@link PatternHealthRetryPolicy} says so: an idempotent request answered {@code 429} or
 * {@code 503}. It waits with {@link Mono#delay}, never blocking a thread, and releases
 * the body of each answer it does not keep. When the attempts run out, the last answer
 * goes to the caller as it came; when the request's body cannot be written again (a
 * one-shot {@code Publisher}), the answer before goes to the caller instead.
 * <p>
 * Add it to the builder before {@link PatternHealthBearerExchangeFilterFunction}, so that
 * each attempt carries a valid token and replays itself after a {@code 401}.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthRetryExchangeFilterFunction implements ExchangeFilterFunction {

	private final PatternHealthRetryPolicy policy;

	private final PatternHealthOrigin origin;

	/**
	 * Create a new filter.
	 * @param policy the policy that decides when and after how long
	 * @param baseUrl the base URL whose origin's requests are sent again
	 */
	PatternHealthRetryExchangeFilterFunction(PatternHealthRetryPolicy policy, URI baseUrl) {
		Assert.notNull(policy, "'policy' must not be null");
		this.policy = policy;
		this.origin = PatternHealthOrigin.ofBaseUrl(baseUrl);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.origin.matches(request.url())) {
			return next.exchange(request);
		}
		return next.exchange(request).flatMap((answer) -> retry(request, null, next, answer, 1));
	}

	/**
	 * Hand the answer over, or send the request again after the policy's delay. The
	 * answer's headers are read, and the request copied to tell a body that cannot be
	 * written again, only when it may be sent again: most answers are not retried.
	 */
	private Mono<ClientResponse> retry(ClientRequest request, @Nullable ResendableRequest resendable,
			ExchangeFunction next, ClientResponse answer, int attempts) {
		if (!this.policy.mayRetry(request.method(), answer.statusCode(), attempts)) {
			return Mono.just(answer);
		}
		Duration delay = this.policy.delay(request.method(), answer.statusCode(), answer.headers().asHttpHeaders(),
				attempts);
		if (delay == null) {
			return Mono.just(answer);
		}
		ResendableRequest again = (resendable != null) ? resendable : new ResendableRequest(request);
		this.policy.logRetry(request.method(), request.url(), answer.statusCode(), delay, attempts);
		HeldResponse held = new HeldResponse(answer);
		return Mono.delay(delay)
			.then(Mono.defer(() -> next.exchange(again.request())))
			.doOnCancel(held::releaseNow)
			.onErrorResume(
					(ex) -> again.bodyCannotBeWrittenAgain(ex) ? Mono.empty() : held.release().then(Mono.error(ex)))
			.flatMap((response) -> held.release()
				.then(Mono.defer(() -> retry(request, again, next, response, attempts + 1))))
			.switchIfEmpty(held.handOver());
	}

}
