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

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.FastByteArrayOutputStream;
import org.springframework.util.StreamUtils;

/**
 * A {@code RestClient} request for Pattern Health that can be sent more than once, for
 * {@link PatternHealthClientHttpRequestFactory}. Its first attempt is the request the
 * underlying factory made: the client writes its headers and attributes there, with no
 * copy. Each further attempt is a new request of that factory, with the headers and
 * attributes of the attempt before, the {@code Authorization} header included, which the
 * bearer interceptor then replaces.
 * <p>
 * The body is held in memory, as an intercepting request would hold it, so that it can be
 * written to each attempt; a request without a body holds nothing.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ResendableClientHttpRequest implements ClientHttpRequest {

	private static final byte[] NO_BODY = new byte[0];

	private final ClientHttpRequestFactory requestFactory;

	private final ClientHttpRequestExecution execution;

	/**
	 * The attempt sent last, or to be sent first.
	 */
	private ClientHttpRequest request;

	private boolean sent;

	/**
	 * The headers of the next attempt, made only when they are asked for after an attempt
	 * was sent: a sent request's headers can no longer be changed.
	 */
	private @Nullable HttpHeaders nextHeaders;

	private @Nullable FastByteArrayOutputStream body;

	ResendableClientHttpRequest(ClientHttpRequestFactory requestFactory, ClientHttpRequest request,
			ClientHttpRequestExecution execution) {
		this.requestFactory = requestFactory;
		this.request = request;
		this.execution = execution;
	}

	@Override
	public HttpMethod getMethod() {
		return this.request.getMethod();
	}

	@Override
	public URI getURI() {
		return this.request.getURI();
	}

	@Override
	public HttpHeaders getHeaders() {
		if (!this.sent) {
			return this.request.getHeaders();
		}
		if (this.nextHeaders == null) {
			this.nextHeaders = HttpHeaders.copyOf(this.request.getHeaders());
		}
		return this.nextHeaders;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.request.getAttributes();
	}

	@Override
	public OutputStream getBody() {
		if (this.body == null) {
			this.body = new FastByteArrayOutputStream(256);
		}
		return this.body;
	}

	/**
	 * Send the request through the interceptors, which call {@link #send} for each
	 * attempt.
	 */
	@Override
	public ClientHttpResponse execute() throws IOException {
		return this.execution.execute(this, (this.body != null) ? this.body.toByteArrayUnsafe() : NO_BODY);
	}

	/**
	 * Send one attempt: the first through the request the factory made, each further one
	 * through a new request with the headers and attributes of the one before.
	 * @param body the body of the request
	 * @return the answer
	 * @throws IOException if the attempt cannot be sent
	 */
	ClientHttpResponse send(byte[] body) throws IOException {
		if (this.sent) {
			ClientHttpRequest next = this.requestFactory.createRequest(this.request.getURI(), this.request.getMethod());
			next.getHeaders().putAll((this.nextHeaders != null) ? this.nextHeaders : this.request.getHeaders());
			next.getAttributes().putAll(this.request.getAttributes());
			this.request = next;
			this.nextHeaders = null;
		}
		this.sent = true;
		if (body.length > 0) {
			write(body);
		}
		return this.request.execute();
	}

	private void write(byte[] body) throws IOException {
		HttpHeaders headers = this.request.getHeaders();
		if (headers.getContentLength() < 0) {
			headers.setContentLength(body.length);
		}
		if (this.request instanceof StreamingHttpOutputMessage streaming) {
			streaming.setBody(body);
		}
		else {
			StreamUtils.copy(body, this.request.getBody());
		}
	}

}
