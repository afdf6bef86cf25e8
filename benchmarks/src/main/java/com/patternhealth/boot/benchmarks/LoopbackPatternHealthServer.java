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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An in-process stand-in for Pattern Health on loopback: a token endpoint that answers
 * after a configurable delay with tokens of a configurable lifetime (in milliseconds, as
 * Pattern Health does), and an API that answers {@code 200} to a valid token and
 * {@code 401} to an unknown or expired one. It counts what it sees and runs on event
 * loops of its own, apart from the clients'.
 *
 * @author Pattern Health Spring Boot authors
 */
final class LoopbackPatternHealthServer implements AutoCloseable {

	static final String CLIENT_ID = "benchmark-client";

	static final String CLIENT_SECRET = "benchmark-secret";

	static final String TOKEN_PATH = "/api/auth/token";

	static final String API_PATH = "/api/v1/groups/7c5d2f0e-5b1a-4f43-9a55-4f1f3c1d2a10/members?limit=1";

	private static final String EXPECTED_BASIC = "Basic "
			+ Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

	static final byte[] API_BODY = ("{\"totalCount\":1,\"limit\":1,\"offset\":0,\"results\":"
			+ "[{\"id\":\"0e7f\",\"href\":\"/api/v1/groups/7c5d/members/0e7f\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] UNAUTHORIZED_BODY = "{\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);

	private final LongSupplier nanoClock;

	private final LoopResources loops = LoopResources.create("pattern-health-server", 1, 2, true);

	private final DisposableServer server;

	private final AtomicLong tokenCounter = new AtomicLong();

	private final AtomicLong tokenRequests = new AtomicLong();

	private final AtomicLong apiCalls = new AtomicLong();

	private final AtomicLong rejectedCalls = new AtomicLong();

	/** Token value to the instant at which it expires. */
	private final Map<String, Long> validTokens = new ConcurrentHashMap<>();

	/** Instant at which each token was issued, since the last reset. */
	private final List<Long> issuedAt = new ArrayList<>();

	/** Instant at which each token request arrived, since the last reset. */
	private final List<Long> requestedAt = new ArrayList<>();

	private volatile Duration tokenLifetime = Duration.ofHours(1);

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile @Nullable String lastUserAgent;

	LoopbackPatternHealthServer() {
		this(System::nanoTime);
	}

	/**
	 * Create a server whose token lifetimes are timed by the given clock, in the units of
	 * {@link System#nanoTime()}.
	 */
	LoopbackPatternHealthServer(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.post(TOKEN_PATH, this::token).get("/api/v1/**", this::api))
			.bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	String tokenUri() {
		return baseUrl() + TOKEN_PATH;
	}

	/**
	 * Set the lifetime of the tokens issued from now on and the time the token endpoint
	 * takes to answer; forget the counts and the issued tokens.
	 */
	void reset(Duration tokenLifetime, Duration tokenDelay) {
		this.tokenLifetime = tokenLifetime;
		this.tokenDelay = tokenDelay;
		this.tokenRequests.set(0);
		this.apiCalls.set(0);
		this.rejectedCalls.set(0);
		this.lastUserAgent = null;
		this.validTokens.clear();
		synchronized (this.issuedAt) {
			this.issuedAt.clear();
			this.requestedAt.clear();
		}
	}

	/**
	 * Issue a token directly, without a request, for clients that send a fixed one.
	 */
	String issueToken() {
		return issue();
	}

	long tokenRequests() {
		return this.tokenRequests.get();
	}

	long apiCalls() {
		return this.apiCalls.get();
	}

	long rejectedCalls() {
		return this.rejectedCalls.get();
	}

	/**
	 * The {@code User-Agent} of the last API call since the last reset, which names the
	 * HTTP client that sent it.
	 */
	@Nullable String lastUserAgent() {
		return this.lastUserAgent;
	}

	List<Long> issuedAt() {
		synchronized (this.issuedAt) {
			return List.copyOf(this.issuedAt);
		}
	}

	/**
	 * The instants at which token requests arrived since the last reset, in the units of
	 * the server's clock.
	 */
	List<Long> tokenRequestedAt() {
		synchronized (this.issuedAt) {
			return List.copyOf(this.requestedAt);
		}
	}

	private Publisher<Void> token(HttpServerRequest request, HttpServerResponse response) {
		this.tokenRequests.incrementAndGet();
		synchronized (this.issuedAt) {
			this.requestedAt.add(this.nanoClock.getAsLong());
		}
		Duration delay = this.tokenDelay;
		Mono<Void> received = request.receive().then();
		if (!EXPECTED_BASIC.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
			return received.then(json(response.status(HttpResponseStatus.UNAUTHORIZED),
					"{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8)));
		}
		Mono<Void> waited = delay.isZero() ? received : received.then(delayOnEventLoop(request, delay));
		return waited.then(Mono.defer(() -> {
			String token = issue();
			byte[] body = ("{\"access_token\":\"" + token + "\",\"expires_in\":" + this.tokenLifetime.toMillis()
					+ ",\"token_type\":\"bearer\"}")
				.getBytes(StandardCharsets.UTF_8);
			return json(response, body);
		}));
	}

	/**
	 * Wait on the connection's own event loop: answering from another thread (as
	 * {@code Mono.delay} does, on Reactor's parallel scheduler) left some connections
	 * unread under bursts of token requests, their next requests never answered.
	 */
	private static Mono<Void> delayOnEventLoop(HttpServerRequest request, Duration delay) {
		return Mono.create((sink) -> request.withConnection((connection) -> connection.channel()
			.eventLoop()
			.schedule(() -> sink.success(), delay.toNanos(), TimeUnit.NANOSECONDS)));
	}

	private String issue() {
		long now = this.nanoClock.getAsLong();
		String token = "token-" + this.tokenCounter.incrementAndGet();
		this.validTokens.values().removeIf((expiresAt) -> expiresAt - now < -Duration.ofSeconds(1).toNanos());
		this.validTokens.put(token, now + this.tokenLifetime.toNanos());
		synchronized (this.issuedAt) {
			this.issuedAt.add(now);
		}
		return token;
	}

	private Publisher<Void> api(HttpServerRequest request, HttpServerResponse response) {
		this.apiCalls.incrementAndGet();
		this.lastUserAgent = request.requestHeaders().get(HttpHeaderNames.USER_AGENT);
		String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
		Long expiresAt = (authorization != null && authorization.startsWith("Bearer "))
				? this.validTokens.get(authorization.substring(7)) : null;
		if (expiresAt == null || expiresAt - this.nanoClock.getAsLong() < 0) {
			this.rejectedCalls.incrementAndGet();
			return json(response.status(HttpResponseStatus.UNAUTHORIZED), UNAUTHORIZED_BODY);
		}
		return json(response, API_BODY);
	}

	private static Mono<Void> json(HttpServerResponse response, byte[] body) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
			.sendByteArray(Mono.just(body))
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
