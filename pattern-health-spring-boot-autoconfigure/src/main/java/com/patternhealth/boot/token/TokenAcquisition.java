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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.patternhealth.boot.observation.TokenRequestObservationContext;
import com.patternhealth.boot.observation.TokenRequestObservationContext.Outcome;
import com.patternhealth.boot.observation.TokenRequestObservationDocumentation;
import io.micrometer.observation.Observation;

/**
 * One token acquisition of {@link TokenRequests}, with its attempts: the future its
 * caller waits on and its observation. It ends exactly once, with its last attempt or
 * with a close, whichever comes first, so that a retry that a close dropped leaves
 * neither the future pending nor the observation running, and an answer that arrives
 * after the close changes nothing.
 *
 * @author Pattern Health Spring Boot authors
 */
final class TokenAcquisition {

	private final CompletableFuture<TokenRequests.Answer> answer = new CompletableFuture<>();

	private final AtomicBoolean ended = new AtomicBoolean();

	private final Observation observation;

	private final TokenRequestObservationContext context;

	TokenAcquisition(Observation observation, TokenRequestObservationContext context) {
		this.observation = observation;
		this.context = context;
	}

	CompletableFuture<TokenRequests.Answer> answer() {
		return this.answer;
	}

	boolean isEnded() {
		return this.ended.get();
	}

	void attempting(int attempt) {
		this.context.setAttempts(attempt);
	}

	void retrying() {
		this.observation.event(TokenRequestObservationDocumentation.Events.RETRY);
	}

	/**
	 * End with the given answer, unless the acquisition has ended already.
	 */
	void succeed(TokenRequests.Answer answer) {
		if (this.ended.compareAndSet(false, true)) {
			this.context.setOutcome(Outcome.SUCCESS);
			this.observation.stop();
			this.answer.complete(answer);
		}
	}

	/**
	 * End with the given failure, unless the acquisition has ended already.
	 */
	void fail(PatternHealthTokenException failure) {
		if (this.ended.compareAndSet(false, true)) {
			this.context.setOutcome((failure instanceof PatternHealthCredentialsRejectedException)
					? Outcome.CREDENTIALS_REJECTED : Outcome.FAILURE);
			this.observation.error(failure);
			this.observation.stop();
			this.answer.completeExceptionally(failure);
		}
	}

}
