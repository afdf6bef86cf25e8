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

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * A {@code WebClient} answer that a filter holds while it seeks another: on every path,
 * success, failure, nothing or cancellation, it is either handed to the caller or
 * released, and never both. Its body can be released once only, and an answer whose body
 * is never read or released keeps its connection from the pool.
 *
 * @author Pattern Health Spring Boot authors
 */
final class HeldResponse {

	private final ClientResponse response;

	private final AtomicBoolean settled = new AtomicBoolean();

	HeldResponse(ClientResponse response) {
		this.response = response;
	}

	/**
	 * Return a {@code Mono} that releases the body of the answer, unless it was released
	 * or handed to the caller already. A failure to release is ignored: the caller has
	 * another answer, or another failure, to hear of.
	 * @return the release
	 */
	Mono<Void> release() {
		return Mono
			.defer(() -> this.settled.compareAndSet(false, true) ? this.response.releaseBody() : Mono.<Void>empty())
			.onErrorComplete();
	}

	/**
	 * Release the body of the answer now, as {@link #release()} does: for a cancellation,
	 * which leaves no subscriber to wait for it.
	 */
	void releaseNow() {
		release().subscribe();
	}

	/**
	 * Return a {@code Mono} that hands the answer to the caller, after which it is no
	 * longer released.
	 * @return the answer
	 */
	Mono<ClientResponse> handOver() {
		return Mono.fromSupplier(() -> {
			this.settled.set(true);
			return this.response;
		});
	}

}
