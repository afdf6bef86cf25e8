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

package com.patternhealth.boot.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.patternhealth.boot.token.PatternHealthTokenCache;
import com.patternhealth.boot.token.TokenState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * A {@link MeterBinder} of what a {@link PatternHealthTokenCache} holds, read without any
 * network call: the gauge {@value #REMAINING} and the function counter {@value #CALLS},
 * tagged {@code source=cache} for calls served from the cache and
 * {@code source=token-endpoint} for calls that waited for the token endpoint. The token
 * requests themselves are the observation {@code patternhealth.token.requests}, which
 * Spring Boot records as a timer.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthTokenMetrics implements MeterBinder {

	/**
	 * The gauge of the seconds the current token stays in use (until the expiry margin
	 * before Pattern Health's expiry), 0 without a valid token.
	 */
	public static final String REMAINING = "patternhealth.token.remaining";

	/**
	 * The function counter of the calls that needed a token, by {@code source}.
	 */
	public static final String CALLS = "patternhealth.token.calls";

	private final PatternHealthTokenCache tokenCache;

	private final Clock clock;

	/**
	 * Create new metrics of the given cache.
	 * @param tokenCache the token cache
	 */
	public PatternHealthTokenMetrics(PatternHealthTokenCache tokenCache) {
		this(tokenCache, Clock.systemUTC());
	}

	/**
	 * Create new metrics of the given cache, with the clock of the cache.
	 * @param tokenCache the token cache
	 * @param clock the clock the cache reads the time from
	 */
	public PatternHealthTokenMetrics(PatternHealthTokenCache tokenCache, Clock clock) {
		Assert.notNull(tokenCache, "'tokenCache' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.tokenCache = tokenCache;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(REMAINING, this, PatternHealthTokenMetrics::remainingSeconds)
			.description("Remaining lifetime of the current Pattern Health access token, 0 without a valid token")
			.baseUnit("seconds")
			.strongReference(true)
			.tag("client", this.tokenCache.getName())
			.register(registry);
		FunctionCounter.builder(CALLS, this.tokenCache, PatternHealthTokenCache::getCachedCalls)
			.description("Calls that needed a Pattern Health access token, by where they got it")
			.baseUnit("calls")
			.tag("source", "cache")
			.tag("client", this.tokenCache.getName())
			.register(registry);
		FunctionCounter.builder(CALLS, this.tokenCache, PatternHealthTokenCache::getWaitingCalls)
			.description("Calls that needed a Pattern Health access token, by where they got it")
			.baseUnit("calls")
			.tag("source", "token-endpoint")
			.tag("client", this.tokenCache.getName())
			.register(registry);
	}

	private double remainingSeconds() {
		TokenState state = this.tokenCache.getState();
		Instant expiresAt = state.expiresAt();
		if (state.status() != TokenState.Status.VALID || expiresAt == null) {
			return 0;
		}
		Duration remaining = Duration.between(this.clock.instant(), expiresAt);
		return remaining.isNegative() ? 0 : remaining.toMillis() / 1000.0;
	}

}
