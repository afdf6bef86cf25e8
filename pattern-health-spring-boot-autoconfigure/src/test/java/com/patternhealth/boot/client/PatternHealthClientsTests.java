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

package com.patternhealth.boot.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.patternhealth.boot.token.MutableClock;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.PatternHealthTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The registry of clients made at run time: one client for a base URL and client id, a
 * rotated secret replacing it, idle clients dropped, and nothing left open by a close.
 */
class PatternHealthClientsTests {

	/** Loopback, on a port where nothing listens: no test here reaches a server. */
	private static final URI HOST = URI.create("http://127.0.0.1:9");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

	private final AtomicInteger made = new AtomicInteger();

	private final PatternHealthClients clients = new PatternHealthClients(Map.of(), this::create, Duration.ofHours(1),
			this.clock);

	@AfterEach
	void close() {
		this.clients.close();
	}

	@Test
	void replacesTheClientOfARotatedSecretAndClosesTheOldOne() {
		PatternHealthClient old = this.clients.forCredentials(HOST, "acme", "old-secret");
		PatternHealthClient rotated = this.clients.forCredentials(HOST, "acme", "new-secret");
		assertThat(rotated).isNotSameAs(old);
		assertThat(this.clients.forCredentials(HOST, "acme", "new-secret")).isSameAs(rotated);
		assertThat(this.clients.getRunTimeClientCount()).isOne();
		assertClosed(old);
		assertThat(this.made).hasValue(2);
		assertThat(this.clients.release(HOST, "acme")).isTrue();
		assertClosed(rotated);
		assertThat(this.clients.getRunTimeClientCount()).isZero();
	}

	@Test
	void dropsAClientThatNoCallUsedForTheIdleTimeout() {
		PatternHealthClient idle = this.clients.forCredentials(HOST, "idle", "secret");
		PatternHealthClient busy = this.clients.forCredentials(HOST, "busy", "secret");
		this.clock.advance(Duration.ofMinutes(40));
		this.clients.forCredentials(HOST, "busy", "secret");
		this.clock.advance(Duration.ofMinutes(25));
		this.clients.forCredentials(HOST, "other", "secret");
		assertThat(this.clients.getRunTimeClientCount()).as("idle dropped after 65 minutes, busy used 25 minutes ago")
			.isEqualTo(2);
		assertClosed(idle);
		assertThat(this.clients.forCredentials(HOST, "busy", "secret")).isSameAs(busy);
		assertThat(this.clients.forCredentials(HOST, "idle", "secret")).isNotSameAs(idle);
	}

	@Test
	void keepsAClientThatCallsUseThroughTheClientItself() {
		PatternHealthClient used = this.clients.forCredentials(HOST, "used", "secret");
		this.clock.advance(Duration.ofMinutes(20));
		// A call that an application makes through a client it kept: counted by the cache
		used.getTokenCache().authorize();
		this.clock.advance(Duration.ofMinutes(50));
		this.clients.forCredentials(HOST, "other", "secret");
		assertThat(this.clients.forCredentials(HOST, "used", "secret")).isSameAs(used);
	}

	@Test
	void leavesNoClientOpenThatWasMadeDuringOrAfterAClose() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		Queue<PatternHealthClient> handedOut = new ConcurrentLinkedQueue<>();
		AtomicInteger refused = new AtomicInteger();
		CountDownLatch running = new CountDownLatch(8);
		try {
			List<Future<?>> callers = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int first = thread * 1000;
				callers.add(threads.submit(() -> {
					running.countDown();
					for (int i = first; i < first + 1000; i++) {
						try {
							handedOut.add(this.clients.forCredentials(HOST, "customer-" + i, "secret"));
						}
						catch (IllegalStateException ex) {
							refused.incrementAndGet();
						}
					}
				}));
			}
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			this.clients.close();
			for (Future<?> caller : callers) {
				caller.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(refused).as("calls after the close fail").hasPositiveValue();
		assertThat(this.clients.getRunTimeClientCount()).isZero();
		assertThat(handedOut).allSatisfy(PatternHealthClientsTests::assertClosed);
		assertThatIllegalStateException().isThrownBy(() -> this.clients.forCredentials(HOST, "late", "secret"))
			.withMessage("The Pattern Health clients are closed: the application context is shutting down");
	}

	private PatternHealthClient create(String name, URI baseUrl, String clientId, String clientSecret) {
		this.made.incrementAndGet();
		PatternHealthTokenCache cache = PatternHealthTokenCache
			.withCredentials(URI.create(baseUrl + "/api/auth/token"), clientId, clientSecret)
			.restClient(RestClient.create())
			.clock(this.clock)
			.build();
		return new PatternHealthClient(name, baseUrl, cache, RestClient.create(baseUrl.toString()), null, null);
	}

	private static void assertClosed(PatternHealthClient client) {
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> client.getTokenCache().getAuthorizedClient())
			.withMessageContaining("is closed");
	}

}
