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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.patternhealth.boot.origin.PatternHealthBaseUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Every Pattern Health client of an application beyond the single one that
 * {@code patternhealth.*} configures: the clients named under
 * {@code patternhealth.clients.<name>.*}, and clients made at run time from credentials
 * that the application keeps elsewhere, such as in a database. Each has its own token
 * cache, so clients never send each other's token, and a {@code 401}, rejected
 * credentials or a backoff of one never affects another. All share the application's HTTP
 * client resources: a client made at run time costs a token cache and two filters, no
 * thread or connection pool of its own.
 * <p>
 * A client made at run time is kept for its base URL and client id. Asking again with the
 * same secret returns the same client; asking with another secret (it rotated) replaces
 * it, and the replaced one is closed once its token request under way, if any, has ended.
 * A client no call has used for the idle timeout is dropped the next time a client is
 * asked for, so that memory is held for active customers only: ask for the client on each
 * use (a map look-up) rather than keeping it. Release a client when a customer leaves;
 * all are closed with the application context, and none made during or after a close
 * stays open.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthClients implements AutoCloseable {

	/**
	 * The name that every client made at run time has in observations: one value,
	 * whatever the number of such clients, so that the number of meters stays bounded.
	 * Clients made at run time have no health component and no meters of their own.
	 */
	public static final String RUN_TIME = "run-time";

	/**
	 * How long a client made at run time is kept without a call, unless another time is
	 * given.
	 */
	public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

	private final Map<String, PatternHealthClient> configured;

	private final Factory factory;

	private final Duration idleTimeout;

	private final Clock clock;

	private final Map<Key, RunTimeClient> made = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> nextSweep;

	private volatile boolean closed;

	/**
	 * Create a registry whose clients made at run time are dropped after an hour without
	 * a call.
	 * @param configured the clients named in configuration
	 * @param factory makes clients at run time
	 */
	public PatternHealthClients(Map<String, PatternHealthClient> configured, Factory factory) {
		this(configured, factory, DEFAULT_IDLE_TIMEOUT);
	}

	/**
	 * Create a registry.
	 * @param configured the clients named in configuration
	 * @param factory makes clients at run time
	 * @param idleTimeout how long a client made at run time is kept without a call
	 */
	public PatternHealthClients(Map<String, PatternHealthClient> configured, Factory factory, Duration idleTimeout) {
		this(configured, factory, idleTimeout, Clock.systemUTC());
	}

	PatternHealthClients(Map<String, PatternHealthClient> configured, Factory factory, Duration idleTimeout,
			Clock clock) {
		Assert.notNull(factory, "'factory' must not be null");
		Assert.isTrue(idleTimeout != null && !idleTimeout.isNegative() && !idleTimeout.isZero(),
				"'idleTimeout' must be positive");
		this.configured = Collections.unmodifiableMap(new LinkedHashMap<>(configured));
		this.factory = factory;
		this.idleTimeout = idleTimeout;
		this.clock = clock;
		this.nextSweep = new AtomicReference<>(clock.instant().plus(sweepInterval()));
	}

	/**
	 * Return the client named in configuration under
	 * {@code patternhealth.clients.<name>}.
	 * @param name the name of the client
	 * @return the client
	 * @throws IllegalArgumentException if no client of that name is configured
	 */
	public PatternHealthClient get(String name) {
		PatternHealthClient client = this.configured.get(name);
		if (client == null) {
			throw new IllegalArgumentException("No Pattern Health client is named '" + name + "'; the configured ones"
					+ " are " + getNames() + ". Configure it under patternhealth.clients." + name + ".*");
		}
		return client;
	}

	/**
	 * Return the names of the clients configured under {@code patternhealth.clients}.
	 * @return the names
	 */
	public Set<String> getNames() {
		return this.configured.keySet();
	}

	/**
	 * Return the configured clients by name.
	 * @return the configured clients
	 */
	public Map<String, PatternHealthClient> getConfigured() {
		return this.configured;
	}

	/**
	 * Return a client for the given environment and credentials, made from Spring Boot's
	 * builders (so the application's customizers apply) with the settings of
	 * {@code patternhealth.token.*} and {@code patternhealth.api.*}. The base URL and the
	 * credentials are checked as those of configured clients are. The same credentials
	 * return the same client; a new secret for the same base URL and client id replaces
	 * it.
	 * @param baseUrl the base URL of the Pattern Health API
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return the client
	 * @throws IllegalArgumentException if the base URL or the credentials cannot be used
	 * @throws IllegalStateException if this registry is closed
	 */
	public PatternHealthClient forCredentials(URI baseUrl, String clientId, String clientSecret) {
		Assert.notNull(baseUrl, "'baseUrl' must not be null");
		Assert.hasText(clientId, "'clientId' must not be empty");
		Assert.hasText(clientSecret, "'clientSecret' must not be empty");
		assertOpen();
		sweepIdleClients();
		String secretDigest = digest(clientSecret);
		Key key = new Key(normalize(baseUrl), clientId);
		Instant now = this.clock.instant();
		@Nullable PatternHealthClient[] replaced = new PatternHealthClient[1];
		RunTimeClient client = this.made.compute(key, (ignored, existing) -> {
			if (existing != null && existing.secretDigest().equals(secretDigest)) {
				existing.used(now);
				return existing;
			}
			replaced[0] = (existing != null) ? existing.client() : null;
			return new RunTimeClient(secretDigest,
					this.factory.create(RUN_TIME, URI.create(key.baseUrl()), clientId, clientSecret), now);
		});
		PatternHealthClient previous = replaced[0];
		if (previous != null) {
			previous.getTokenCache().closeAfterPendingRequest();
		}
		if (this.closed) {
			// A close ran while this client was made: it may not have seen it
			this.made.remove(key, client);
			client.client().getTokenCache().close();
			assertOpen();
		}
		return client.client();
	}

	/**
	 * Release the client made at run time for the given base URL and client id, and close
	 * its token cache: when a customer leaves.
	 * @param baseUrl the base URL of the Pattern Health API
	 * @param clientId the client id
	 * @return whether a client was released
	 */
	public boolean release(URI baseUrl, String clientId) {
		RunTimeClient released = this.made.remove(new Key(normalize(baseUrl), clientId));
		if (released == null) {
			return false;
		}
		released.client().getTokenCache().close();
		return true;
	}

	/**
	 * Return the number of clients made at run time and neither released nor dropped.
	 * @return the number of such clients
	 */
	public int getRunTimeClientCount() {
		return this.made.size();
	}

	/**
	 * Close the token caches of every client, configured or made at run time. A client
	 * asked for during or after the close is closed too, and the call fails.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.configured.values().forEach((client) -> client.getTokenCache().close());
		for (Key key : Set.copyOf(this.made.keySet())) {
			RunTimeClient client = this.made.remove(key);
			if (client != null) {
				client.client().getTokenCache().close();
			}
		}
	}

	private void assertOpen() {
		Assert.state(!this.closed, "The Pattern Health clients are closed: the application context is shutting down");
	}

	/**
	 * Drop the clients made at run time that no call has used for the idle timeout, at
	 * most once a quarter of it, so that asking for a client stays a map look-up.
	 */
	private void sweepIdleClients() {
		Instant now = this.clock.instant();
		Instant due = this.nextSweep.get();
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(sweepInterval()))) {
			return;
		}
		this.made.forEach((key, client) -> {
			if (client.idleSince(now).compareTo(this.idleTimeout) >= 0 && this.made.remove(key, client)) {
				client.client().getTokenCache().close();
			}
		});
	}

	private Duration sweepInterval() {
		return this.idleTimeout.dividedBy(4);
	}

	/**
	 * The base URL as a key: scheme and host in lower case, no trailing slash.
	 */
	private static String normalize(URI baseUrl) {
		URI normalized = PatternHealthBaseUrl.of(baseUrl.normalize());
		String scheme = normalized.getScheme().toLowerCase(Locale.ROOT);
		String authority = normalized.getRawAuthority();
		String host = (normalized.getHost() != null) ? normalized.getHost() : "";
		authority = (authority != null) ? authority.replace(host, host.toLowerCase(Locale.ROOT)) : "";
		String path = (normalized.getRawPath() != null) ? normalized.getRawPath() : "";
		return scheme + "://" + authority + path;
	}

	/**
	 * A digest of the secret, so that the key of a client never holds the secret itself.
	 */
	private static String digest(String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes a client at run time.
	 */
	@FunctionalInterface
	public interface Factory {

		/**
		 * Make a client.
		 * @param name the name of the client
		 * @param baseUrl the base URL of the Pattern Health API
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @return the client
		 */
		PatternHealthClient create(String name, URI baseUrl, String clientId, String clientSecret);

	}

	/**
	 * What a client made at run time is kept for.
	 */
	private record Key(String baseUrl, String clientId) {

	}

	/**
	 * A client made at run time, with the digest of its secret and when a call last used
	 * it: a call made through its token cache, or a look-up.
	 */
	private static final class RunTimeClient {

		private final String secretDigest;

		private final PatternHealthClient client;

		private volatile Instant lastUsed;

		private volatile long calls;

		RunTimeClient(String secretDigest, PatternHealthClient client, Instant now) {
			this.secretDigest = secretDigest;
			this.client = client;
			this.lastUsed = now;
			this.calls = calls();
		}

		String secretDigest() {
			return this.secretDigest;
		}

		PatternHealthClient client() {
			return this.client;
		}

		void used(Instant now) {
			this.lastUsed = now;
		}

		/**
		 * Return how long no call has used this client: calls through its token cache
		 * since the last look count as a use now.
		 */
		Duration idleSince(Instant now) {
			long calls = calls();
			if (calls != this.calls) {
				this.calls = calls;
				this.lastUsed = now;
			}
			return Duration.between(this.lastUsed, now);
		}

		private long calls() {
			return this.client.getTokenCache().getCachedCalls() + this.client.getTokenCache().getWaitingCalls();
		}

	}

}
