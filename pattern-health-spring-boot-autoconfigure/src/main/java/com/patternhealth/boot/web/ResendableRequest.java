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

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * A {@code WebClient} request to send again, which tells apart a body that cannot be
 * written a second time (a one-shot {@code Publisher}, which Reactor refuses to a second
 * subscriber with an {@link IllegalStateException}) from any other failure. It remembers
 * the refusal itself: HTTP client libraries report a body that fails in ways of their own
 * (the JDK's {@code HttpClient}, for one, as an {@code EOFException} that drops the
 * cause), so the exception that reaches the filter cannot be relied on to say so.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ResendableRequest {

	private final ClientRequest request;

	private volatile boolean bodyRefused;

	/**
	 * Create a request to send again, with a body whose refusal to be written again is
	 * remembered.
	 * @param request the request to send again
	 */
	ResendableRequest(ClientRequest request) {
		BodyInserter<?, ? super ClientHttpRequest> body = request.body();
		this.request = ClientRequest.from(request)
			.body((message, context) -> Mono.defer(() -> body.insert(new RefusalRecordingRequest(message), context))
				.onErrorMap(IllegalStateException.class, this::refused))
			.build();
	}

	/**
	 * Return the request to send.
	 * @return the request
	 */
	ClientRequest request() {
		return this.request;
	}

	/**
	 * Whether sending the request failed because its body could not be written again.
	 * @param failure the failure of the exchange
	 * @return whether the body could not be written again
	 */
	boolean bodyCannotBeWrittenAgain(Throwable failure) {
		if (this.bodyRefused) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof BodyNotReplayableException) {
				return true;
			}
		}
		return false;
	}

	private BodyNotReplayableException refused(IllegalStateException ex) {
		this.bodyRefused = true;
		return (ex instanceof BodyNotReplayableException refusal) ? refusal : new BodyNotReplayableException(ex);
	}

	/**
	 * The request a body is written to, which records a refusal of the body wherever the
	 * HTTP client library subscribes to it: Reactor Netty within the write, the JDK's
	 * {@code HttpClient} and others later, on a subscription of their own.
	 */
	private final class RefusalRecordingRequest extends ClientHttpRequestDecorator {

		RefusalRecordingRequest(ClientHttpRequest request) {
			super(request);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(
					Flux.from(body).onErrorMap(IllegalStateException.class, ResendableRequest.this::refused));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(Flux.from(body)
				.map((part) -> Flux.from(part).onErrorMap(IllegalStateException.class, ResendableRequest.this::refused))
				.onErrorMap(IllegalStateException.class, ResendableRequest.this::refused));
		}

	}

	/**
	 * Raised when the body of a request could not be written again.
	 */
	private static final class BodyNotReplayableException extends IllegalStateException {

		BodyNotReplayableException(Throwable cause) {
			super("The request body cannot be written again", cause);
		}

	}

}
