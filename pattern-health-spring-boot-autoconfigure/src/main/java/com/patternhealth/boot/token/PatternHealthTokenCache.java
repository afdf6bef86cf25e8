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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one Pattern Health access token of an application, shared by every HTTP stack that
 * calls Pattern Health: {@code WebClient}, {@code RestClient} and HTTP service clients.
 * <p>
 * However many calls need a token at once, on whatever threads, the token endpoint sees
 * one request and all of them share its result. A token is used until a share of its
 * lifetime remains ({@linkplain Builder#refreshAhead(double) refresh ahead}): then one
 * background refresh starts while calls keep using it. Only inside the
 * {@linkplain Builder#expiryMargin(double) expiry margin} do calls wait for a new token.
 * A refresh that fails keeps the current token and is tried again with backoff; transient
 * failures of the token endpoint are retried; rejected credentials fail at once and, for
 * a short cooldown, without asking the endpoint again.
 * <p>
 * The cache holds no lock: its state is replaced as a whole, and callers wait on a shared
 * future. Reactive callers {@linkplain #authorize() subscribe} to it without blocking;
 * blocking callers {@linkplain #getAuthorizedClient() wait} at most as long as the token
 * request's own time limits allow, which never pins a virtual thread.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthTokenCache implements AutoCloseable {

	/**
	 * The registration id of Pattern Health's client.
	 */
	public static final String REGISTRATION_ID = "pattern-health";

	private static final Log logger = LogFactory.getLog(PatternHealthTokenCache.class);

	private static final boolean webClientPresent = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClient",
			PatternHealthTokenCache.class.getClassLoader());

	private final ClientRegistration publicRegistration;

	private final TokenFailures failures;

	private final TokenClient tokenClient;

	private final Settings settings;

	private final TokenRequestRetry retry;

	private final ScheduledThreadPoolExecutor scheduler;

	private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);

	private volatile boolean closed;

	private PatternHealthTokenCache(Builder builder) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Pattern Health")
			.clientId(builder.clientId)
			.clientSecret(builder.clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(builder.tokenUri.toString())
			.build();
		this.publicRegistration = ClientRegistration.withClientRegistration(registration).clientSecret(null).build();
		this.failures = new TokenFailures(builder.clientId, builder.tokenUri.toString());
		DefaultOAuth2TokenRequestHeadersConverter<OAuth2ClientCredentialsGrantRequest> headers = new DefaultOAuth2TokenRequestHeadersConverter<>();
		headers.setEncodeClientCredentials(builder.encodeCredentials);
		TokenEndpoint endpoint = new TokenEndpoint(new OAuth2ClientCredentialsGrantRequest(registration), headers,
				new TokenResponseReader(this.failures, builder.defaultExpiresIn, builder.maxLifetime, builder.clock),
				builder.timeout);
		this.tokenClient = builder.tokenClient.apply(endpoint);
		this.settings = new Settings(builder.refreshAhead, builder.expiryMargin, builder.timeout, builder.maxAttempts,
				builder.maxBackoff, builder.maxRetryAfter, builder.maxLifetime, builder.rejectedCredentialsCooldown,
				builder.unauthorizedReplacementInterval, builder.clock);
		this.retry = new TokenRequestRetry(builder.maxAttempts, builder.initialBackoff, builder.maxBackoff);
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "patternhealth-token-retry");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setKeepAliveTime(10, TimeUnit.SECONDS);
		this.scheduler.allowCoreThreadTimeOut(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Start building a cache for the given token endpoint and credentials.
	 * @param tokenUri the absolute URI of the token endpoint
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return a builder
	 */
	public static Builder withCredentials(URI tokenUri, String clientId, String clientSecret) {
		return new Builder(tokenUri, clientId, clientSecret);
	}

	/**
	 * Return the authorized client that carries the current token, obtaining one first
	 * when there is none. Never blocks: the future completes when a token is there.
	 * @return the authorized client, or a future failed with a
	 * {@link PatternHealthTokenException}
	 */
	public CompletableFuture<OAuth2AuthorizedClient> authorize() {
		return acquire().thenApply(CachedToken::client);
	}

	/**
	 * Return the authorized client that carries the current token, waiting for one when
	 * there is none, at most as long as the token request's attempts, timeouts and
	 * backoffs allow. Waiting holds no lock.
	 * @return the authorized client
	 * @throws PatternHealthTokenException if no token could be obtained
	 */
	public OAuth2AuthorizedClient getAuthorizedClient() {
		CompletableFuture<CachedToken> token = acquire();
		try {
			return (token.isDone() ? token.join() : token.get(maxWait().toNanos(), TimeUnit.NANOSECONDS)).client();
		}
		catch (CompletionException | ExecutionException ex) {
			throw describe(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw this.failures.notWithin(maxWait());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw this.failures.interrupted(ex);
		}
	}

	/**
	 * Drop the given token, which Pattern Health answered {@code 401} to, so that the
	 * next call obtains a new one; a newer token is never dropped for the failure of an
	 * older one. A token that was itself obtained because of a {@code 401} is kept for
	 * the {@linkplain Builder#unauthorizedReplacementInterval(Duration) unauthorized
	 * replacement interval}: a {@code 401} to it is the resource's answer (a permission
	 * problem), not a dead token, and it bounds the token requests that {@code 401}
	 * answers can cause.
	 * @param rejected the token that was rejected
	 * @return whether the request may be sent again with the token the cache hands out
	 * next; {@code false} when the {@code 401} is the resource's answer
	 */
	public boolean invalidate(OAuth2AccessToken rejected) {
		String rejectedValue = rejected.getTokenValue();
		Instant now = this.settings.clock().instant();
		while (true) {
			State current = this.state.get();
			if (!current.holds(rejectedValue)) {
				return true;
			}
			CachedToken token = current.token();
			Instant issuedAt = token.client().getAccessToken().getIssuedAt();
			if (token.afterUnauthorized() && issuedAt != null
					&& now.isBefore(issuedAt.plus(this.settings.unauthorizedReplacementInterval()))) {
				return false;
			}
			if (this.state.compareAndSet(current, current.withoutToken())) {
				return true;
			}
		}
	}

	/**
	 * Return the client id whose tokens this cache holds.
	 * @return the client id
	 */
	public String getClientId() {
		return this.failures.clientId();
	}

	/**
	 * Stop background refreshes and retries. Calls waiting for a token fail.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.scheduler.shutdownNow();
		this.tokenClient.close();
		State current = this.state.get();
		if (current.round() != null) {
			current.round().completeExceptionally(this.failures.closed());
		}
	}

	/**
	 * Return the token to use now: at once when one is cached, otherwise the shared token
	 * request. The returned future is shared: callers must not complete or cancel it.
	 */
	CompletableFuture<CachedToken> acquire() {
		if (this.closed) {
			return CompletableFuture.failedFuture(this.failures.closed());
		}
		Instant now = this.settings.clock().instant();
		while (true) {
			State current = this.state.get();
			CachedToken token = current.token();
			if (token != null && now.isBefore(token.expiresAt())) {
				if (!now.isBefore(token.refreshAt())) {
					refreshInBackground(now);
				}
				return token.ready();
			}
			if (current.round() != null) {
				return current.round();
			}
			if (current.blocked() != null && now.isBefore(current.nextAttempt())) {
				return CompletableFuture.failedFuture(current.blocked());
			}
			CompletableFuture<CachedToken> round = new CompletableFuture<>();
			if (this.state.compareAndSet(current, current.requesting(round))) {
				attempt(round, 1, (token != null) ? TokenRequestTrigger.EXPIRY
						: (current.unauthorized() ? TokenRequestTrigger.UNAUTHORIZED : TokenRequestTrigger.FIRST_USE));
				return round;
			}
		}
	}

	private void refreshInBackground(Instant now) {
		while (true) {
			State current = this.state.get();
			if (current.round() != null || (current.nextAttempt() != null && now.isBefore(current.nextAttempt()))) {
				return;
			}
			CompletableFuture<CachedToken> round = new CompletableFuture<>();
			if (this.state.compareAndSet(current, current.requesting(round))) {
				attempt(round, 1, TokenRequestTrigger.REFRESH_AHEAD);
				return;
			}
		}
	}

	private void attempt(CompletableFuture<CachedToken> round, int attempt, TokenRequestTrigger trigger) {
		Instant requestedAt = this.settings.clock().instant();
		CompletableFuture<OAuth2AccessTokenResponse> answer;
		try {
			answer = this.tokenClient.requestToken();
		}
		catch (RuntimeException ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		answer.whenComplete((response, failure) -> {
			if (failure == null) {
				succeed(round, response, requestedAt, trigger);
				return;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			Duration delay = this.closed ? null : this.retry.delay(cause, attempt);
			if (delay == null) {
				fail(round, cause);
				return;
			}
			try {
				this.scheduler.schedule(() -> attempt(round, attempt + 1, trigger), delay.toNanos(),
						TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				fail(round, cause);
			}
		});
	}

	private void succeed(CompletableFuture<CachedToken> round, OAuth2AccessTokenResponse response, Instant requestedAt,
			TokenRequestTrigger trigger) {
		CachedToken token;
		try {
			token = cache(response, requestedAt, trigger == TokenRequestTrigger.UNAUTHORIZED);
		}
		catch (RuntimeException ex) {
			fail(round, ex);
			return;
		}
		try {
			update((current) -> current.refreshed(token));
			if (logger.isDebugEnabled()) {
				logger.debug("Obtained a Pattern Health access token valid for " + describe(token.lifetime()));
			}
		}
		finally {
			endRound(round);
			round.complete(token);
		}
	}

	private void fail(CompletableFuture<CachedToken> round, Throwable ex) {
		PatternHealthTokenException failure = this.closed ? this.failures.closed() : describe(ex);
		try {
			State failed = update((current) -> failed(current, failure));
			if (!this.closed) {
				logFailure(failure, failed);
			}
		}
		finally {
			endRound(round);
			round.completeExceptionally(failure);
		}
	}

	private void endRound(CompletableFuture<CachedToken> round) {
		update((current) -> (current.round() == round) ? current.requesting(null) : current);
	}

	private State update(UnaryOperator<State> change) {
		return this.state.updateAndGet(change);
	}

	private CachedToken cache(OAuth2AccessTokenResponse response, Instant requestedAt, boolean afterUnauthorized) {
		OAuth2AccessToken received = response.getAccessToken();
		Duration lifetime = lifetime(response);
		Instant expiresAt = requestedAt.plus(lifetime);
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, received.getTokenValue(),
				requestedAt, expiresAt, received.getScopes());
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.publicRegistration,
				this.publicRegistration.getClientId(), token);
		return new CachedToken(client, expiresAt.minus(share(lifetime, this.settings.refreshAhead())),
				expiresAt.minus(share(lifetime, this.settings.expiryMargin())), afterUnauthorized);
	}

	/**
	 * Return the lifetime of the token in the response: in milliseconds when the reader
	 * recorded them, at most the longest lifetime.
	 */
	private Duration lifetime(OAuth2AccessTokenResponse response) {
		Object milliseconds = response.getAdditionalParameters().get(TokenResponseReader.LIFETIME_PARAMETER);
		OAuth2AccessToken token = response.getAccessToken();
		Duration lifetime = (milliseconds instanceof Number number) ? Duration.ofMillis(number.longValue())
				: Duration.between(token.getIssuedAt(), token.getExpiresAt());
		return min(lifetime, this.settings.maxLifetime());
	}

	/**
	 * The state after a failed token request. Rejected credentials block calls without a
	 * token for the cooldown; a failure that may pass blocks them until the later of the
	 * jittered backoff and the endpoint's {@code Retry-After} (at most the longest
	 * honoured one); any other failure only delays background refreshes.
	 */
	private State failed(State current, PatternHealthTokenException failure) {
		Instant now = this.settings.clock().instant();
		int failures = current.failures() + 1;
		if (failure instanceof PatternHealthCredentialsRejectedException rejected) {
			return current.failed(failures, now.plus(this.settings.rejectedCredentialsCooldown()), rejected);
		}
		Duration delay = this.retry.backoff(failures);
		Duration retryAfter = failure.getRetryAfter();
		if (retryAfter != null) {
			retryAfter = min(retryAfter, this.settings.maxRetryAfter());
			delay = (retryAfter.compareTo(delay) > 0) ? retryAfter : delay;
		}
		Instant nextAttempt = now.plus(delay);
		return current.failed(failures, nextAttempt,
				TokenRequestRetry.isTransient(failure) ? this.failures.backingOff(failure, nextAttempt, now) : null);
	}

	/**
	 * The longest a blocking caller waits for the shared token request: every attempt
	 * timing out after the longest backoff.
	 */
	private Duration maxWait() {
		return this.settings.timeout()
			.plus(this.settings.maxBackoff())
			.multipliedBy(this.settings.maxAttempts())
			.plusSeconds(1);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private PatternHealthTokenException describe(Throwable ex) {
		if (ex instanceof PatternHealthTokenException tokenException) {
			return tokenException;
		}
		if (ex instanceof TimeoutException) {
			return this.failures.timedOut(this.settings.timeout(), this.settings.maxAttempts());
		}
		if (ex instanceof IOException) {
			return this.failures.unreachable(ex, rootMessage(ex), this.settings.maxAttempts());
		}
		return this.failures.failed(ex, rootMessage(ex));
	}

	private void logFailure(PatternHealthTokenException failure, State state) {
		CachedToken kept = state.token();
		Instant now = this.settings.clock().instant();
		if (kept != null && now.isBefore(kept.expiresAt())) {
			logger.warn("Could not refresh the Pattern Health access token; the current one stays in use for "
					+ describe(Duration.between(now, kept.expiresAt())) + " and a new attempt starts after "
					+ describe(Duration.between(now, state.nextAttempt())) + ". " + failure.getMessage());
		}
		else {
			logger.warn(failure.getMessage());
		}
	}

	/**
	 * Describe the deepest cause that says what happened; a connection refused by an HTTP
	 * client that gives no message is named as such.
	 */
	private static String rootMessage(Throwable ex) {
		String message = null;
		boolean refused = false;
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			message = (cause.getMessage() != null) ? cause.getMessage() : message;
			refused = refused || cause instanceof ConnectException;
		}
		if (message != null) {
			return message;
		}
		return refused ? "Connection refused" : ex.getClass().getSimpleName();
	}

	private static Duration share(Duration lifetime, double ratio) {
		return Duration.ofMillis((long) (lifetime.toMillis() * ratio));
	}

	private static String describe(Duration duration) {
		return TokenFailures.describe(duration);
	}

	/**
	 * A cached token, with the instants at which a refresh starts and at which calls stop
	 * using it, whether it replaced a token the API answered {@code 401} to, and a
	 * completed future of it, so that handing out a cached token allocates nothing.
	 */
	record CachedToken(OAuth2AuthorizedClient client, Instant refreshAt, Instant expiresAt, boolean afterUnauthorized,
			CompletableFuture<CachedToken> ready) {

		CachedToken(OAuth2AuthorizedClient client, Instant refreshAt, Instant expiresAt, boolean afterUnauthorized) {
			this(client, refreshAt, expiresAt, afterUnauthorized, new CompletableFuture<>());
			this.ready.complete(this);
		}

		Duration lifetime() {
			OAuth2AccessToken token = this.client.getAccessToken();
			return Duration.between(token.getIssuedAt(), token.getExpiresAt());
		}

	}

	/**
	 * Everything the cache knows at one instant, replaced as a whole so that concurrent
	 * callers always see a consistent view. Until {@code nextAttempt}, background
	 * refreshes wait, and calls without a token fail at once with {@code blocked} when it
	 * is set. {@code unauthorized} tells that the last token was dropped for a
	 * {@code 401}.
	 */
	private record State(@Nullable CachedToken token, @Nullable CompletableFuture<CachedToken> round, int failures,
			@Nullable Instant nextAttempt, @Nullable PatternHealthTokenException blocked, boolean unauthorized) {

		static final State EMPTY = new State(null, null, 0, null, null, false);

		boolean holds(String tokenValue) {
			return this.token != null && this.token.client().getAccessToken().getTokenValue().equals(tokenValue);
		}

		State withoutToken() {
			return new State(null, this.round, this.failures, this.nextAttempt, this.blocked, true);
		}

		State requesting(@Nullable CompletableFuture<CachedToken> round) {
			return new State(this.token, round, this.failures, this.nextAttempt, this.blocked, this.unauthorized);
		}

		State refreshed(CachedToken token) {
			return new State(token, this.round, 0, null, null, false);
		}

		State failed(int failures, Instant nextAttempt, @Nullable PatternHealthTokenException blocked) {
			return new State(this.token, this.round, failures, nextAttempt, blocked, this.unauthorized);
		}

	}

	/**
	 * The settings of a cache, fixed when it is built.
	 */
	private record Settings(double refreshAhead, double expiryMargin, Duration timeout, int maxAttempts,
			Duration maxBackoff, Duration maxRetryAfter, Duration maxLifetime, Duration rejectedCredentialsCooldown,
			Duration unauthorizedReplacementInterval, Clock clock) {

	}

	/**
	 * Builds a {@link PatternHealthTokenCache}. The defaults suit Pattern Health's
	 * one-hour tokens.
	 */
	public static final class Builder {

		/**
		 * The longest lifetime given to a token unless {@link #maxLifetime(Duration)}
		 * says otherwise: one day.
		 */
		public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(1);

		private final URI tokenUri;

		private final String clientId;

		private final String clientSecret;

		private Function<TokenEndpoint, TokenClient> tokenClient = webClientPresent
				? (endpoint) -> new WebClientTokenClient(WebClient.create(), endpoint)
				: (endpoint) -> new RestClientTokenClient(RestClient.create(), endpoint);

		private boolean encodeCredentials;

		private Duration defaultExpiresIn = Duration.ofMinutes(5);

		private double refreshAhead = 0.1;

		private double expiryMargin = 0.02;

		private Duration timeout = Duration.ofSeconds(10);

		private int maxAttempts = 3;

		private Duration initialBackoff = Duration.ofMillis(200);

		private Duration maxBackoff = Duration.ofSeconds(5);

		private Duration maxRetryAfter = Duration.ofMinutes(2);

		private Duration maxLifetime = DEFAULT_MAX_LIFETIME;

		private Duration rejectedCredentialsCooldown = Duration.ofSeconds(1);

		private Duration unauthorizedReplacementInterval = Duration.ofSeconds(5);

		private Clock clock = Clock.systemUTC();

		private Builder(URI tokenUri, String clientId, String clientSecret) {
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
		public Builder webClient(WebClient webClient) {
			Assert.notNull(webClient, "'webClient' must not be null");
			this.tokenClient = (endpoint) -> new WebClientTokenClient(webClient, endpoint);
			return this;
		}

		/**
		 * Send token requests with the given {@link RestClient}, which must not carry the
		 * bearer interceptor. Each request runs on a daemon thread of the cache's own.
		 * @param restClient the rest client
		 * @return this builder
		 */
		public Builder restClient(RestClient restClient) {
			Assert.notNull(restClient, "'restClient' must not be null");
			this.tokenClient = (endpoint) -> new RestClientTokenClient(restClient, endpoint);
			return this;
		}

		/**
		 * Set whether the client id and secret are URL-encoded before they are Base64
		 * encoded, as RFC 6749 section 2.3.1 asks. Pattern Health expects them as
		 * written, which is the default.
		 * @param encodeCredentials whether to URL-encode the credentials
		 * @return this builder
		 */
		public Builder encodeCredentials(boolean encodeCredentials) {
			this.encodeCredentials = encodeCredentials;
			return this;
		}

		/**
		 * Set the lifetime of a token whose answer has no {@code expires_in}.
		 * @param defaultExpiresIn the lifetime
		 * @return this builder
		 */
		public Builder defaultExpiresIn(Duration defaultExpiresIn) {
			Assert.isTrue(!defaultExpiresIn.isNegative() && !defaultExpiresIn.isZero(),
					"'defaultExpiresIn' must be positive");
			this.defaultExpiresIn = defaultExpiresIn;
			return this;
		}

		/**
		 * Set the share of a token's lifetime, counted back from its expiry, during which
		 * one background refresh runs while calls keep using the token.
		 * @param refreshAhead a share between 0 and 1, larger than the expiry margin
		 * @return this builder
		 */
		public Builder refreshAhead(double refreshAhead) {
			this.refreshAhead = refreshAhead;
			return this;
		}

		/**
		 * Set the share of a token's lifetime, counted back from its expiry, during which
		 * the token is no longer used and calls wait for a new one.
		 * @param expiryMargin a share between 0 and 1, smaller than the refresh-ahead
		 * share
		 * @return this builder
		 */
		public Builder expiryMargin(double expiryMargin) {
			this.expiryMargin = expiryMargin;
			return this;
		}

		/**
		 * Set how long one token request may take, from connecting to reading the answer.
		 * @param timeout the timeout of one attempt
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
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
		public Builder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
			Assert.isTrue(maxAttempts >= 1, "'maxAttempts' must be at least 1");
			Assert.isTrue(!initialBackoff.isNegative() && initialBackoff.compareTo(maxBackoff) <= 0,
					"'initialBackoff' must be between zero and 'maxBackoff'");
			this.maxAttempts = maxAttempts;
			this.initialBackoff = initialBackoff;
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * Set the longest {@code Retry-After} of the token endpoint that is honoured, so
		 * that an absurd value cannot lock the client out for a day.
		 * @param maxRetryAfter the longest honoured delay
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			Assert.isTrue(!maxRetryAfter.isNegative(), "'maxRetryAfter' must not be negative");
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Set the longest lifetime given to a token, whatever its {@code expires_in}
		 * says.
		 * @param maxLifetime the longest lifetime
		 * @return this builder
		 */
		public Builder maxLifetime(Duration maxLifetime) {
			Assert.isTrue(!maxLifetime.isNegative() && !maxLifetime.isZero(), "'maxLifetime' must be positive");
			this.maxLifetime = maxLifetime;
			return this;
		}

		/**
		 * Set the shortest time between two token requests caused by {@code 401} answers
		 * of the API: a {@code 401} to a token younger than this is the resource's
		 * answer, handed to the caller without a new token.
		 * @param interval the interval
		 * @return this builder
		 */
		public Builder unauthorizedReplacementInterval(Duration interval) {
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
		public Builder rejectedCredentialsCooldown(Duration cooldown) {
			Assert.isTrue(!cooldown.isNegative(), "'cooldown' must not be negative");
			this.rejectedCredentialsCooldown = cooldown;
			return this;
		}

		/**
		 * Set the clock that times token lifetimes.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Build the cache.
		 * @return the cache
		 */
		public PatternHealthTokenCache build() {
			Assert.isTrue(this.expiryMargin >= 0 && this.expiryMargin < this.refreshAhead && this.refreshAhead < 1,
					"Expected 0 <= expiry margin < refresh ahead < 1, got expiry margin " + this.expiryMargin
							+ " and refresh ahead " + this.refreshAhead);
			return new PatternHealthTokenCache(this);
		}

	}

}
