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

package com.patternhealth.boot.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;

/**
 * HTTP client libraries that answer at once, without any network: a
 * {@link ClientHttpConnector} for {@code WebClient}s and a
 * {@link ClientHttpRequestFactory} for {@code RestClient}s. The token endpoint's path
 * gets a token that lives an hour, every other path the API's answer. As
 * {@link Configuration} of a {@link BenchmarkApplication}, they are what Spring Boot's
 * builders and the starter build every client on, so that what a call costs through each
 * whole client, as the application gets it, shows without the cost of the network.
 *
 * @author Pattern Health Spring Boot authors
 */
@Configuration(proxyBeanMethods = false)
public class StubHttpClients {

	static final String BASE_URL = "https://pattern-health.invalid";

	private static final byte[] TOKEN_ANSWER = ("{\"access_token\":\"stub-token\",\"expires_in\":3600000,"
			+ "\"token_type\":\"bearer\"}")
		.getBytes(StandardCharsets.UTF_8);

	@Bean
	ClientHttpConnectorBuilder<ClientHttpConnector> stubClientHttpConnectorBuilder() {
		Connector connector = new Connector();
		return (settings) -> connector;
	}

	@Bean
	ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> stubClientHttpRequestFactoryBuilder() {
		return (settings) -> (uri, method) -> new Request(method, uri);
	}

	private static byte[] answer(URI uri) {
		return uri.getPath().equals(LoopbackPatternHealthServer.TOKEN_PATH) ? TOKEN_ANSWER
				: LoopbackPatternHealthServer.API_BODY;
	}

	private static HttpHeaders answerHeaders(byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		return headers;
	}

	/**
	 * A connector whose requests are answered as soon as they are written.
	 */
	static final class Connector implements ClientHttpConnector {

		@Override
		public Mono<org.springframework.http.client.reactive.ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			return requestCallback.apply(new ReactiveRequest(method, uri)).then(Mono.fromSupplier(() -> {
				byte[] body = answer(uri);
				return new ReactiveResponse(body);
			}));
		}

	}

	private static final class ReactiveRequest
			extends org.springframework.http.client.reactive.AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		ReactiveRequest(HttpMethod method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public DefaultDataBufferFactory bufferFactory() {
			return DefaultDataBufferFactory.sharedInstance;
		}

		@Override
		public <T> T getNativeRequest() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return doCommit(() -> Flux.from(body).doOnNext(DataBufferUtils::release).then());
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).flatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return doCommit();
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

	private static final class ReactiveResponse implements org.springframework.http.client.reactive.ClientHttpResponse {

		private final byte[] body;

		private final HttpHeaders headers;

		ReactiveResponse(byte[] body) {
			this.body = body;
			this.headers = answerHeaders(body);
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public MultiValueMap<String, ResponseCookie> getCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
		}

	}

	private static final class Request extends AbstractClientHttpRequest {

		private final HttpMethod method;

		private final URI uri;

		Request(HttpMethod method, URI uri) {
			this.method = method;
			this.uri = uri;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected OutputStream getBodyInternal(HttpHeaders headers) {
			return StreamUtils.nonClosing(OutputStream.nullOutputStream());
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers) {
			return new Response(answer(this.uri));
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final byte[] body;

		private final HttpHeaders headers;

		Response(byte[] body) {
			this.body = body;
			this.headers = answerHeaders(body);
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
		}

	}

}
