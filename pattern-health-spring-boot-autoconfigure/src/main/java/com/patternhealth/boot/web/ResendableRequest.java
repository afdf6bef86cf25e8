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

import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;

/**
 * Sends a {@code WebClient} request again, telling apart a body that cannot be written a
 * second time (a one-shot {@code Publisher}, which Reactor refuses to a second subscriber
 * with an {@link IllegalStateException}) from any other failure.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ResendableRequest {

	private ResendableRequest() {
	}

	/**
	 * Return the request with a body whose failure to be written again is recognizable by
	 * {@link #bodyCannotBeWrittenAgain(Throwable)}.
	 * @param request the request to send again
	 * @return the request to send
	 */
	static ClientRequest of(ClientRequest request) {
		BodyInserter<?, ? super ClientHttpRequest> body = request.body();
		return ClientRequest.from(request)
			.body((message, context) -> Mono.defer(() -> body.insert(message, context))
				.onErrorMap(IllegalStateException.class, BodyNotReplayableException::new))
			.build();
	}

	/**
	 * Whether sending a request made by {@link #of(ClientRequest)} failed because its
	 * body could not be written again.
	 * @param failure the failure of the exchange
	 * @return whether the body could not be written again
	 */
	static boolean bodyCannotBeWrittenAgain(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof BodyNotReplayableException) {
				return true;
			}
		}
		return false;
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
