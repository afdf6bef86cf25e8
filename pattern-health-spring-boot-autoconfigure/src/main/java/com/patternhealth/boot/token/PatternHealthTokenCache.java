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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

import com.patternhealth.boot.retry.Backoff;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.Assert;

/**
 * The one Pattern Health access token of an application, shared by every HTTP stack that
 * calls Pattern Health: {@code WebClient}, {@code RestClient} and HTTP service clients.
 * <p>
 * However many calls need a token at once, on whatever threads, the token endpoint sees
 * one request and all of them share its result. A token is used until a share of its
 * lifetime remains ({@linkplain PatternHealthTokenCacheBuilder#refreshAhead(double)
 * refresh ahead}): then one background refresh starts while calls keep using it. Only
 * inside the {@linkplain PatternHealthTokenCacheBuilder#expiryMargin(double) expiry
 * margin} do calls wait for a new token. A refresh that fails keeps the current token and
 * is tried again with backoff; transient failures of the token endpoint are retried.
 * After a round of attempts that all failed in a way that may pass, calls without a valid
 * token fail at once, saying why and when the next token request may start, for a
 * {@linkplain PatternHealthTokenCacheBuilder#roundBackoff(Duration, Duration) backoff}
 * that grows with each failed round; rejected credentials fail at once and, for a short
 * cooldown, without asking the endpoint again.
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

	private final ClientRegistration publicRegistration;

	private final TokenFailures failures;

	private final TokenRequests requests;

	private final TokenCacheSettings settings;

	private final Duration maxWait;

	private final Backoff roundBackoff;

	private final AtomicReference<TokenCacheState> state = new AtomicReference<>(TokenCacheState.EMPTY);

	private final LongAdder cachedCalls = new LongAdder();

	private final LongAdder waitingCalls = new LongAdder();

	private volatile boolean closed;

	PatternHealthTokenCache(TokenCacheSettings settings) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Pattern Health")
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(settings.tokenUri().toString())
			.build();
		this.publicRegistration = ClientRegistration.withClientRegistration(registration).clientSecret(null).build();
		this.failures = new TokenFailures(settings.clientId(), settings.tokenUri().toString());
		DefaultOAuth2TokenRequestHeadersConverter<OAuth2ClientCredentialsGrantRequest> headers = new DefaultOAuth2TokenRequestHeadersConverter<>();
		headers.setEncodeClientCredentials(settings.encodeCredentials());
		TokenRequestSpec spec = new TokenRequestSpec(new OAuth2ClientCredentialsGrantRequest(registration), headers,
				new TokenResponseReader(this.failures, settings.defaultExpiresIn(), settings.maxLifetime(),
						settings.clock()),
				settings.timeout());
		this.requests = new TokenRequests(settings.tokenClient().apply(spec), this.failures, settings);
		this.settings = settings;
		this.maxWait = settings.maxWait();
		this.roundBackoff = new Backoff(settings.roundBackoff(), settings.maxRoundBackoff());
	}

	/**
	 * Start building a cache for the given token endpoint and credentials.
	 * @param tokenUri the absolute URI of the token endpoint
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return a builder
	 */
	public static PatternHealthTokenCacheBuilder withCredentials(URI tokenUri, String clientId, String clientSecret) {
		return new PatternHealthTokenCacheBuilder(tokenUri, clientId, clientSecret);
	}

	/**
	 * Return the authorized client that carries the current token, obtaining one first
	 * when there is none. Never blocks: the future completes when a token is there.
	 * @return the authorized client, or a future failed with a
	 * {@link PatternHealthTokenException} of this caller's own
	 */
	public CompletableFuture<OAuth2AuthorizedClient> authorize() {
		return forCaller(acquire());
	}

	/**
	 * Return the authorized client that carries the current token, waiting for one when
	 * there is none, at most as long as the token request's attempts, timeouts and
	 * backoffs allow. Waiting holds no lock.
	 * @return the authorized client
	 * @throws PatternHealthTokenException if no token could be obtained: an exception of
	 * this caller's own, never one that another caller got
	 */
	public OAuth2AuthorizedClient getAuthorizedClient() {
		CompletableFuture<CachedToken> token = acquire();
		try {
			return (token.isDone() ? token.join() : token.get(this.maxWait.toNanos(), TimeUnit.NANOSECONDS)).client();
		}
		catch (CompletionException | ExecutionException ex) {
			throw forCaller(ex);
		}
		catch (TimeoutException ex) {
			throw this.failures.notWithin(this.maxWait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw this.failures.interrupted(ex);
		}
	}

	/**
	 * Answer a {@code 401} of Pattern Health to the given token: drop the token, so that
	 * the next call obtains a new one, and say whether the request may be sent again. A
	 * newer token is never dropped for the failure of an older one. A token that was
	 * itself obtained because of a {@code 401} is kept for the
	 * {@linkplain PatternHealthTokenCacheBuilder#unauthorizedReplacementInterval(Duration)
	 * unauthorized replacement interval}: a {@code 401} to it is the resource's answer (a
	 * permission problem), not a dead token, and it bounds the token requests that
	 * {@code 401} answers can cause.
	 * @param rejected the token that Pattern Health answered {@code 401} to
	 * @return {@code true} if the request may be sent once more with the token the cache
	 * hands out next (the rejected token is dropped, or a newer one is there already);
	 * {@code false} if the {@code 401} is the resource's answer, which goes to the caller
	 * as it is
	 */
	public boolean replaceRejected(OAuth2AccessToken rejected) {
		String rejectedValue = rejected.getTokenValue();
		Instant now = this.settings.clock().instant();
		while (true) {
			TokenCacheState current = currentState();
			CachedToken token = current.token();
			if (token == null || !current.holds(rejectedValue)) {
				return true;
			}
			Instant issuedAt = token.accessToken().getIssuedAt();
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
	 * Return the name of the Pattern Health client whose tokens this cache holds.
	 * @return the name: {@code default}, a configured name, or {@code run-time}
	 */
	public String getName() {
		return this.settings.name();
	}

	/**
	 * Return the client id whose tokens this cache holds.
	 * @return the client id
	 */
	public String getClientId() {
		return this.failures.clientId();
	}

	/**
	 * Return what this cache holds now, without any network call.
	 * @return the state of this cache
	 */
	public TokenState getState() {
		return currentState().describe(getClientId(), this.settings.clock().instant());
	}

	/**
	 * Return the number of calls served from the cache, without waiting for the token
	 * endpoint.
	 * @return the count of calls served from the cache
	 */
	public long getCachedCalls() {
		return this.cachedCalls.sum();
	}

	/**
	 * Return the number of calls that waited for the token endpoint. Where refresh ahead
	 * works, it grows by about one call per token.
	 * @return the count of calls that waited
	 */
	public long getWaitingCalls() {
		return this.waitingCalls.sum();
	}

	/**
	 * Stop background refreshes and retries. Calls waiting for a token fail, and nothing
	 * is logged for a token request that ends after the close.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.requests.close();
		CompletableFuture<CachedToken> round = currentState().round();
		if (round != null) {
			round.completeExceptionally(this.failures.closed());
		}
	}

	/**
	 * Close this cache once the token request under way, if any, has ended, so that the
	 * calls waiting for it get its token or its failure first: for a client that another
	 * replaces while calls are in flight. Calls that already hold a token are not
	 * affected.
	 */
	public void closeAfterPendingRequest() {
		CompletableFuture<CachedToken> round = currentState().round();
		if (round == null) {
			close();
		}
		else {
			round.whenComplete((token, failure) -> close());
		}
	}

	/**
	 * Return the authorized client of the given shared future, failed with an exception
	 * of this caller's own: the future of one caller, which it may cancel.
	 * @param shared a future that {@link #acquire()} returned
	 * @return the authorized client, or a future failed with a
	 * {@link PatternHealthTokenException} that no other caller gets
	 */
	CompletableFuture<OAuth2AuthorizedClient> forCaller(CompletableFuture<CachedToken> shared) {
		return shared.handle((token, failure) -> {
			if (failure != null) {
				throw new CompletionException(forCaller(failure));
			}
			return token.client();
		});
	}

	/**
	 * Return an exception of one caller's own for a failure that is shared by every call
	 * that waited for the same token request or came during the backoff after it, see
	 * {@link PatternHealthTokenException#forCaller()}. A failure that a future wrapped
	 * counts as its cause.
	 */
	private PatternHealthTokenException forCaller(Throwable failure) {
		Throwable cause = ((failure instanceof CompletionException || failure instanceof ExecutionException)
				&& failure.getCause() != null) ? failure.getCause() : failure;
		return (cause instanceof PatternHealthTokenException shared) ? shared.forCaller()
				: this.failures.failed(cause, String.valueOf(cause));
	}

	/**
	 * Return the authorized client of the token cached now, without waiting, when that
	 * token may still be used; a refresh starts in the background when the token is due
	 * for one, as on every call. No token request starts here: when no usable token is
	 * cached, callers ask {@link #authorize()} or {@link #getAuthorizedClient()}, which
	 * share one. The bearer filter and interceptor read the token this way, so that a
	 * call with a cached token waits for nothing and allocates nothing.
	 * @return the authorized client, or {@code null} when no usable token is cached
	 */
	public @Nullable OAuth2AuthorizedClient getCachedAuthorizedClient() {
		if (this.closed) {
			return null;
		}
		CachedToken token = currentState().token();
		// The clock's millis, not an Instant: a call with a cached token allocates
		// nothing
		return useCached(token, this.settings.clock().millis()) ? token.client() : null;
	}

	/**
	 * Whether the given cached token may be used at the given instant, counting the call
	 * as served from the cache and starting a refresh in the background when it is due.
	 */
	@Contract("null, _ -> false")
	private boolean useCached(@Nullable CachedToken token, long now) {
		if (token == null || now >= token.expiresAt().toEpochMilli()) {
			return false;
		}
		if (now >= token.refreshAt().toEpochMilli()) {
			refreshInBackground(Instant.ofEpochMilli(now));
		}
		this.cachedCalls.increment();
		return true;
	}

	/**
	 * Return the token to use now: at once when one is cached, otherwise the shared token
	 * request. The returned future is shared: callers must not complete or cancel it, and
	 * must hand a failure on only through {@link #forCaller(CompletableFuture)} or a
	 * {@linkplain PatternHealthTokenException#forCaller() copy}.
	 */
	CompletableFuture<CachedToken> acquire() {
		if (this.closed) {
			return CompletableFuture.failedFuture(this.failures.closed());
		}
		Instant now = this.settings.clock().instant();
		while (true) {
			TokenCacheState current = currentState();
			CachedToken token = current.token();
			if (useCached(token, now.toEpochMilli())) {
				return token.ready();
			}
			if (current.round() != null) {
				this.waitingCalls.increment();
				return current.round();
			}
			if (current.blocked() != null && now.isBefore(current.nextAttempt())) {
				return CompletableFuture.failedFuture(current.blocked());
			}
			CompletableFuture<CachedToken> round = new CompletableFuture<>();
			if (this.state.compareAndSet(current, current.requesting(round))) {
				this.waitingCalls.increment();
				start(round, (token != null) ? TokenRequestTrigger.EXPIRY
						: (current.unauthorized() ? TokenRequestTrigger.UNAUTHORIZED : TokenRequestTrigger.FIRST_USE));
				return round;
			}
		}
	}

	private void refreshInBackground(Instant now) {
		while (true) {
			TokenCacheState current = currentState();
			if (current.round() != null || (current.nextAttempt() != null && now.isBefore(current.nextAttempt()))) {
				return;
			}
			CompletableFuture<CachedToken> round = new CompletableFuture<>();
			if (this.state.compareAndSet(current, current.requesting(round))) {
				start(round, TokenRequestTrigger.REFRESH_AHEAD);
				return;
			}
		}
	}

	private void start(CompletableFuture<CachedToken> round, TokenRequestTrigger trigger) {
		this.requests.acquire(trigger).whenComplete((answer, failure) -> {
			if (failure != null) {
				fail(round, (failure instanceof PatternHealthTokenException described) ? described
						: this.failures.failed(failure, String.valueOf(failure)));
				return;
			}
			CachedToken token;
			try {
				token = cache(answer, trigger == TokenRequestTrigger.UNAUTHORIZED);
			}
			catch (RuntimeException ex) {
				fail(round, this.failures.failed(ex, String.valueOf(ex.getMessage())));
				return;
			}
			succeed(round, token);
		});
	}

	/**
	 * Keep the new token and hand it to every waiting call, also when the state update
	 * fails.
	 */
	private void succeed(CompletableFuture<CachedToken> round, CachedToken token) {
		try {
			update((current) -> current.refreshed(token));
			if (logger.isDebugEnabled()) {
				logger.debug("Obtained a Pattern Health access token valid for "
						+ TokenFailures.describe(token.lifetime()) + " for client '" + getClientId() + "'");
			}
		}
		finally {
			endRound(round);
			round.complete(token);
		}
	}

	/**
	 * Record the failure and hand it to every waiting call, also when the state update
	 * fails.
	 */
	private void fail(CompletableFuture<CachedToken> round, PatternHealthTokenException failure) {
		PatternHealthTokenException handedOut = this.closed ? this.failures.closed() : failure;
		try {
			Instant now = this.settings.clock().instant();
			TokenCacheState failed = update(
					(current) -> current.failed(handedOut, now, this.roundBackoff.after(current.failures() + 1),
							this.settings.maxRetryAfter(), this.settings.rejectedCredentialsCooldown(), this.failures));
			if (!this.closed) {
				logFailure(handedOut, failed);
			}
		}
		finally {
			endRound(round);
			round.completeExceptionally(handedOut);
		}
	}

	private void endRound(CompletableFuture<CachedToken> round) {
		update((current) -> (current.round() == round) ? current.requesting(null) : current);
	}

	/**
	 * Return the current state: never {@code null}, the cache starts
	 * {@linkplain TokenCacheState#EMPTY empty} and only ever replaces it with another.
	 */
	private TokenCacheState currentState() {
		TokenCacheState current = this.state.get();
		Assert.state(current != null, "The token cache has no state");
		return current;
	}

	private TokenCacheState update(UnaryOperator<TokenCacheState> change) {
		return this.state.updateAndGet(change);
	}

	private CachedToken cache(TokenRequests.Answer answer, boolean afterUnauthorized) {
		return CachedToken.of(answer.response(), answer.requestedAt(), this.publicRegistration,
				this.settings.maxLifetime(), this.settings.refreshAhead(), this.settings.expiryMargin(),
				afterUnauthorized);
	}

	private void logFailure(PatternHealthTokenException failure, TokenCacheState state) {
		CachedToken kept = state.token();
		Instant now = this.settings.clock().instant();
		if (kept != null && now.isBefore(kept.expiresAt())) {
			logger.warn("Could not refresh the Pattern Health access token; the current one stays in use for "
					+ TokenFailures.describe(Duration.between(now, kept.expiresAt()))
					+ " and a new attempt starts after "
					+ TokenFailures.describe(Duration.between(now, state.nextAttempt())) + ". " + failure.getMessage());
		}
		else {
			logger.warn(failure.getMessage());
		}
	}

}
