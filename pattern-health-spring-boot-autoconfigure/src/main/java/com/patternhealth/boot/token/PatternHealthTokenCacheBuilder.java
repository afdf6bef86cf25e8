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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import com.patternhealth.boot.observation.TokenRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link PatternHealthTokenCache}; start with
 * {@link PatternHealthTokenCache#withCredentials(URI, String, String)}. The defaults suit
 * Pattern Health's one-hour tokens.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthTokenCacheBuilder {

	/**
	 * The longest lifetime given to a token unless {@link #maxLifetime(Duration)} says
	 * otherwise: one day.
	 */
	public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(1);

	private static final boolean webClientPresent = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClient",
			PatternHealthTokenCacheBuilder.class.getClassLoader());

	private final URI tokenUri;

	private final String clientId;

	private final String clientSecret;

	private Function<TokenRequestSpec, TokenClient> tokenClient = webClientPresent
			? (spec) -> new WebClientTokenClient(WebClient.create(), spec)
			: (spec) -> new RestClientTokenClient(RestClient.create(), spec);

	private boolean encodeCredentials;

	private Duration defaultExpiresIn = Duration.ofMinutes(5);

	private double refreshAhead = 0.1;

	private double expiryMargin = 0.02;

	private Duration timeout = Duration.ofSeconds(10);

	private int maxAttempts = 3;

	private Duration initialBackoff = Duration.ofMillis(200);

	private Duration maxBackoff = Duration.ofSeconds(5);

	private Duration maxRetryAfter = Duration.ofMinutes(2);

	private Duration roundBackoff = Duration.ofSeconds(1);

	private Duration maxRoundBackoff = Duration.ofSeconds(30);

	private Duration maxLifetime = DEFAULT_MAX_LIFETIME;

	private Duration rejectedCredentialsCooldown = Duration.ofSeconds(1);

	private Duration unauthorizedReplacementInterval = Duration.ofSeconds(5);

	private Clock clock = Clock.systemUTC();

	private String name = "default";

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable TokenRequestObservationConvention observationConvention;

	PatternHealthTokenCacheBuilder(URI tokenUri, String clientId, String clientSecret) {
		Assert.isTrue(tokenUri.isAbsolute(), "'tokenUri' must be absolute");
		Assert.hasText(clientId, "'clientId' must not be empty");
		Assert.hasText(clientSecret, "'clientSecret' must not be empty");
		this.tokenUri = tokenUri;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * Send token requests with the given {@link WebClient}, which must not carry the
	 * bearer filter. This is the default when WebFlux is on the class path.
	 * @param webClient the web client
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder webClient(WebClient webClient) {
		Assert.notNull(webClient, "'webClient' must not be null");
		this.tokenClient = (spec) -> new WebClientTokenClient(webClient, spec);
		return this;
	}

	/**
	 * Send token requests with the given {@link RestClient}, which must not carry the
	 * bearer interceptor and should not follow redirects. Requests run on one daemon
	 * thread of the cache's own, one at a time: give the client connect and read timeouts
	 * no longer than the {@linkplain #timeout(Duration) time limit}, so that it ends an
	 * attempt by itself even where it ignores interrupts.
	 * @param restClient the rest client
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder restClient(RestClient restClient) {
		Assert.notNull(restClient, "'restClient' must not be null");
		this.tokenClient = (spec) -> new RestClientTokenClient(restClient, spec);
		return this;
	}

	/**
	 * Set whether the client id and secret are URL-encoded before they are Base64
	 * encoded, as RFC 6749 section 2.3.1 asks. Pattern Health expects them as written,
	 * which is the default.
	 * @param encodeCredentials whether to URL-encode the credentials
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder encodeCredentials(boolean encodeCredentials) {
		this.encodeCredentials = encodeCredentials;
		return this;
	}

	/**
	 * Set the lifetime of a token whose answer has no {@code expires_in}.
	 * @param defaultExpiresIn the lifetime
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder defaultExpiresIn(Duration defaultExpiresIn) {
		Assert.isTrue(!defaultExpiresIn.isNegative() && !defaultExpiresIn.isZero(),
				"'defaultExpiresIn' must be positive");
		this.defaultExpiresIn = defaultExpiresIn;
		return this;
	}

	/**
	 * Set the share of a token's lifetime, counted back from its expiry, during which one
	 * background refresh runs while calls keep using the token.
	 * @param refreshAhead a share between 0 and 1, larger than the expiry margin
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder refreshAhead(double refreshAhead) {
		this.refreshAhead = refreshAhead;
		return this;
	}

	/**
	 * Set the share of a token's lifetime, counted back from its expiry, during which the
	 * token is no longer used and calls wait for a new one.
	 * @param expiryMargin a share between 0 and 1, smaller than the refresh-ahead share
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder expiryMargin(double expiryMargin) {
		this.expiryMargin = expiryMargin;
		return this;
	}

	/**
	 * Set how long one token request may take, from connecting to reading the answer.
	 * @param timeout the timeout of one attempt
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder timeout(Duration timeout) {
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.timeout = timeout;
		return this;
	}

	/**
	 * Set how transient failures of the token endpoint are retried.
	 * @param maxAttempts the number of attempts, the first included
	 * @param initialBackoff the delay before the second attempt
	 * @param maxBackoff the longest delay between two attempts; a longer
	 * {@code Retry-After} ends the attempts, and the next token request waits for it
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
		Assert.isTrue(!initialBackoff.isNegative() && initialBackoff.compareTo(maxBackoff) <= 0,
				"'initialBackoff' must be between zero and 'maxBackoff'");
		this.maxAttempts = maxAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		return this;
	}

	/**
	 * Set how long calls without a valid token fail at once, and background refreshes
	 * wait, after a token request failed in every attempt in a way that may pass (a
	 * timeout, a refused or reset connection, {@code 408}, {@code 429} or {@code 5xx}):
	 * the given backoff after the first failed round, doubling with each further failed
	 * round up to the longest one, each time a random delay between half and the whole of
	 * it, so that the callers of many instances do not come back at once. A longer
	 * {@code Retry-After} (at most the {@linkplain #maxRetryAfter(Duration) longest
	 * honoured one}) wins; a token obtained starts the count afresh.
	 * @param roundBackoff the nominal backoff after the first failed round, positive
	 * @param maxRoundBackoff the longest backoff between two rounds, not shorter than
	 * {@code roundBackoff}
	 * @return this builder
	 * @since 0.1.0
	 */
	public PatternHealthTokenCacheBuilder roundBackoff(Duration roundBackoff, Duration maxRoundBackoff) {
		Assert.isTrue(
				!roundBackoff.isNegative() && !roundBackoff.isZero() && roundBackoff.compareTo(maxRoundBackoff) <= 0,
				"'roundBackoff' must be positive and at most 'maxRoundBackoff'");
		this.roundBackoff = roundBackoff;
		this.maxRoundBackoff = maxRoundBackoff;
		return this;
	}

	/**
	 * Set the longest {@code Retry-After} of the token endpoint that is honoured, so that
	 * an absurd value cannot lock the client out for a day.
	 * @param maxRetryAfter the longest honoured delay
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder maxRetryAfter(Duration maxRetryAfter) {
		Assert.isTrue(!maxRetryAfter.isNegative(), "'maxRetryAfter' must not be negative");
		this.maxRetryAfter = maxRetryAfter;
		return this;
	}

	/**
	 * Set the longest lifetime given to a token, whatever its {@code expires_in} says.
	 * @param maxLifetime the longest lifetime
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder maxLifetime(Duration maxLifetime) {
		Assert.isTrue(!maxLifetime.isNegative() && !maxLifetime.isZero(), "'maxLifetime' must be positive");
		this.maxLifetime = maxLifetime;
		return this;
	}

	/**
	 * Set the shortest time between two token requests caused by {@code 401} answers of
	 * the API: a {@code 401} to a token younger than this is the resource's answer,
	 * handed to the caller without a new token.
	 * @param interval the interval
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder unauthorizedReplacementInterval(Duration interval) {
		Assert.isTrue(!interval.isNegative(), "'interval' must not be negative");
		this.unauthorizedReplacementInterval = interval;
		return this;
	}

	/**
	 * Set how long, after Pattern Health rejected the credentials, calls fail at once
	 * without asking the token endpoint again.
	 * @param cooldown the cooldown
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder rejectedCredentialsCooldown(Duration cooldown) {
		Assert.isTrue(!cooldown.isNegative(), "'cooldown' must not be negative");
		this.rejectedCredentialsCooldown = cooldown;
		return this;
	}

	/**
	 * Set the name of the Pattern Health client whose tokens the cache holds, as its
	 * observations and health show it.
	 * @param name the name, {@code default} unless set
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder name(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
		return this;
	}

	/**
	 * Set the registry that observes every token acquisition, as
	 * {@code patternhealth.token.requests}.
	 * @param observationRegistry the observation registry
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder observationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Set the convention of the observations, instead of
	 * {@link com.patternhealth.boot.observation.DefaultTokenRequestObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default one
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder observationConvention(
			@Nullable TokenRequestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set the clock that times token lifetimes.
	 * @param clock the clock
	 * @return this builder
	 */
	public PatternHealthTokenCacheBuilder clock(Clock clock) {
		Assert.notNull(clock, "'clock' must not be null");
		this.clock = clock;
		return this;
	}

	/**
	 * Build the cache.
	 * @return the cache
	 */
	public PatternHealthTokenCache build() {
		return new PatternHealthTokenCache(settings());
	}

	/**
	 * Check the settings together and fix them: the cache never sees this builder, so
	 * that changing it after {@link #build()} changes no cache.
	 */
	TokenCacheSettings settings() {
		Assert.isTrue(this.expiryMargin >= 0 && this.expiryMargin < this.refreshAhead && this.refreshAhead < 1,
				"Expected 0 <= expiry margin < refresh ahead < 1, got expiry margin " + this.expiryMargin
						+ " and refresh ahead " + this.refreshAhead);
		return new TokenCacheSettings(this.tokenUri, this.clientId, this.clientSecret, this.tokenClient,
				this.encodeCredentials, this.defaultExpiresIn, this.refreshAhead, this.expiryMargin, this.timeout,
				this.maxAttempts, this.initialBackoff, this.maxBackoff, this.maxRetryAfter, this.roundBackoff,
				this.maxRoundBackoff, this.maxLifetime, this.rejectedCredentialsCooldown,
				this.unauthorizedReplacementInterval, this.clock, this.name, this.observationRegistry,
				this.observationConvention);
	}

}
