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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@code RestClient} answer read whole into memory, so that the answer itself can be
 * closed, and its connection go back to the pool, while the copy is kept: for
 * {@link PatternHealthRetryInterceptor}, which waits before it sends a request again and
 * must still hand the answer to the caller, as it came, when it sends no more.
 * <p>
 * Only a body of up to {@link #MAX_BODY_SIZE} bytes is read: a {@code 429} or {@code 503}
 * carries a short message, and a longer body would take the memory the pool is spared.
 *
 * @author Pattern Health Spring Boot authors
 */
final class BufferedClientHttpResponse implements ClientHttpResponse {

	/**
	 * The longest body that is read into memory, 64 KiB.
	 */
	static final int MAX_BODY_SIZE = 64 * 1024;

	private final HttpStatusCode statusCode;

	private final String statusText;

	private final HttpHeaders headers;

	private final byte[] body;

	private BufferedClientHttpResponse(HttpStatusCode statusCode, String statusText, HttpHeaders headers, byte[] body) {
		this.statusCode = statusCode;
		this.statusText = statusText;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * Read the answer whole into a copy and close it. When its body is longer than
	 * {@link #MAX_BODY_SIZE}, the answer is not closed, and what is returned is the
	 * answer still open, whose body starts with the bytes read from it and goes on with
	 * the rest: the same answer for a caller that reads it.
	 * @param response the answer to read
	 * @return a {@code BufferedClientHttpResponse}, or the answer still open when its
	 * body is too long to hold
	 * @throws IOException if the answer cannot be read; it is then closed
	 */
	static ClientHttpResponse read(ClientHttpResponse response) throws IOException {
		try {
			InputStream stream = response.getBody();
			byte[] body = stream.readNBytes(MAX_BODY_SIZE + 1);
			if (body.length > MAX_BODY_SIZE) {
				return new PartlyRead(response, new SequenceInputStream(new ByteArrayInputStream(body), stream));
			}
			BufferedClientHttpResponse copy = new BufferedClientHttpResponse(response.getStatusCode(),
					response.getStatusText(), HttpHeaders.copyOf(response.getHeaders()), body);
			response.close();
			return copy;
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			throw ex;
		}
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	@Override
	public String getStatusText() {
		return this.statusText;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(this.body);
	}

	/**
	 * Does nothing: the answer this copy was read from is closed already.
	 */
	@Override
	public void close() {
	}

	/**
	 * An answer whose body was read in part, with the bytes read put back in front.
	 */
	private static final class PartlyRead extends ForwardingClientHttpResponse {

		private final InputStream body;

		PartlyRead(ClientHttpResponse response, InputStream body) {
			super(response);
			this.body = body;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

	}

}
