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

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link HeldResponse}: an answer held back is released once, or handed to the
 * caller and then never released.
 */
class HeldResponseTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ClientResponse response = mock(ClientResponse.class);

	@Test
	void releasesTheBodyOnceHoweverOftenItIsAsked() {
		given(this.response.releaseBody()).willReturn(Mono.empty());
		HeldResponse held = new HeldResponse(this.response);
		held.release().block(TIMEOUT);
		held.release().block(TIMEOUT);
		held.releaseNow();
		verify(this.response, times(1)).releaseBody();
	}

	@Test
	void neverReleasesTheBodyOfAnAnswerHandedToTheCaller() {
		HeldResponse held = new HeldResponse(this.response);
		assertThat(held.handOver().block(TIMEOUT)).isSameAs(this.response);
		held.release().block(TIMEOUT);
		held.releaseNow();
		verify(this.response, never()).releaseBody();
	}

	@Test
	void ignoresAFailureToRelease() {
		given(this.response.releaseBody()).willReturn(Mono.error(new IllegalStateException("connection reset")));
		HeldResponse held = new HeldResponse(this.response);
		assertThat(held.release().hasElement().block(TIMEOUT)).isFalse();
		verify(this.response, times(1)).releaseBody();
	}

}
