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
import java.util.concurrent.CompletableFuture;

import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Sends one token request to Pattern Health's token endpoint over one HTTP stack. The
 * answer completes the future; a failure completes it exceptionally with a
 * {@link PatternHealthTokenException} (the endpoint answered, but not with a token), a
 * {@link java.util.concurrent.TimeoutException} (no answer within the time limit) or an
 * {@link IOException} (the endpoint could not be reached). Transport exceptions never
 * reach the cache: some keep the request headers, and so the credentials.
 *
 * @author Pattern Health Spring Boot authors
 */
interface TokenClient extends AutoCloseable {

	/**
	 * Send one token request.
	 * @return the answer of the token endpoint
	 */
	CompletableFuture<OAuth2AccessTokenResponse> requestToken();

	@Override
	default void close() {
	}

	/**
	 * Return the {@link IOException} that made a request fail, without the transport
	 * exception around it, which keeps the request's headers. A failure that is no
	 * {@code IOException}, such as Reactor Netty's {@code ReadTimeoutException}, is the
	 * cause of the one returned, so that what it was can still be told.
	 * @param failure the transport exception
	 * @return the I/O failure
	 */
	static IOException ioFailure(Throwable failure) {
		for (Throwable cause = failure.getCause(); cause != null
				&& cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof IOException io) {
				return io;
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new IOException((root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName(),
				(root != failure) ? root : null);
	}

}
