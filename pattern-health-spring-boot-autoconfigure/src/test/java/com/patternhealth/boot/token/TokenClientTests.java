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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenClient#ioFailure(Throwable)}: the I/O failure of a transport
 * exception, without the exception around it.
 */
class TokenClientTests {

	@Test
	void returnsTheFirstIOExceptionAmongTheCauses() {
		ConnectException refused = new ConnectException("Connection refused");
		IOException wrapped = new IOException("wrapped", refused);
		RuntimeException transport = new RuntimeException("I/O error", new IllegalStateException("state", wrapped));
		assertThat(TokenClient.ioFailure(transport)).isSameAs(wrapped);
	}

	@Test
	void describesTheDeepestCauseAndKeepsItAloneWhenNoneIsAnIOException() {
		IllegalArgumentException reason = new IllegalArgumentException("the reason");
		RuntimeException transport = new RuntimeException("outer", new IllegalStateException("middle", reason));
		assertThat(TokenClient.ioFailure(transport)).isExactlyInstanceOf(IOException.class)
			.hasMessage("the reason")
			.cause()
			.isSameAs(reason);
		assertThat(TokenClient.ioFailure(new IllegalStateException("alone"))).hasNoCause();
	}

	@Test
	void namesTheDeepestCauseByItsTypeWhenItHasNoMessage() {
		assertThat(TokenClient.ioFailure(new RuntimeException("outer", new IllegalStateException())))
			.hasMessage("IllegalStateException");
		assertThat(TokenClient.ioFailure(new IllegalStateException("alone"))).hasMessage("alone");
	}

}
