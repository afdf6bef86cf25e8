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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * An exchange that answers each attempt with the next of the planned answers, and never
 * answers the attempts beyond them (unless told to fail them), so that a test sees which
 * answers a filter released, and can cancel a filter while it waits for an answer.
 */
final class StubExchange implements ExchangeFunction {

	private final List<Answer> planned;

	private final List<Answer> answers = new ArrayList<>();

	private final List<ClientRequest> requests = new ArrayList<>();

	private @Nullable Throwable failure;

	StubExchange(Answer... planned) {
		this.planned = List.of(planned);
	}

	/**
	 * Fail the attempts beyond the planned answers instead of leaving them unanswered.
	 * @param failure the failure of those attempts
	 * @return this exchange
	 */
	StubExchange thenFailing(Throwable failure) {
		this.failure = failure;
		return this;
	}

	@Override
	public Mono<ClientResponse> exchange(ClientRequest request) {
		return Mono.defer(() -> {
			this.requests.add(request);
			if (this.answers.size() == this.planned.size()) {
				return (this.failure != null) ? Mono.error(this.failure) : Mono.never();
			}
			Answer answer = this.planned.get(this.answers.size());
			this.answers.add(answer);
			return Mono.just(answer.response());
		});
	}

	/**
	 * The answers handed out so far.
	 */
	List<Answer> answers() {
		return this.answers;
	}

	/**
	 * The requests sent so far, the unanswered ones included.
	 */
	List<ClientRequest> requests() {
		return this.requests;
	}

	static Answer answer(int status) {
		return answer(status, null);
	}

	static Answer answer(int status, @Nullable String retryAfter) {
		return new Answer(status, retryAfter, new AtomicInteger());
	}

	/**
	 * An answer that counts how often its body was subscribed to, which is what releasing
	 * it does.
	 */
	record Answer(int status, @Nullable String retryAfter, AtomicInteger releaseCount) {

		boolean released() {
			return releases() > 0;
		}

		int releases() {
			return this.releaseCount.get();
		}

		ClientResponse response() {
			Flux<DataBuffer> body = Flux.defer(() -> {
				this.releaseCount.incrementAndGet();
				return Flux
					.just(DefaultDataBufferFactory.sharedInstance.wrap("answer".getBytes(StandardCharsets.UTF_8)));
			});
			ClientResponse.Builder response = ClientResponse.create(HttpStatusCode.valueOf(this.status)).body(body);
			if (this.retryAfter != null) {
				response.header(HttpHeaders.RETRY_AFTER, this.retryAfter);
			}
			return response.build();
		}

	}

}
