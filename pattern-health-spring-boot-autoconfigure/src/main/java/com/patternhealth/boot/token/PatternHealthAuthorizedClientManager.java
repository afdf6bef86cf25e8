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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The {@link ReactiveOAuth2AuthorizedClientManager} for Pattern Health: one
 * client_credentials token for the whole application, whoever the current user is, in web
 * and non-web applications alike.
 * <p>
 * However many calls need a token at once, the token endpoint sees one request and all of
 * them share its result. A token is used until a share of its lifetime remains
 * ({@linkplain Builder#refreshAhead(double) refresh ahead}): then one background refresh
 * starts while calls keep using it. Only inside the
 * {@linkplain Builder#expiryMargin(double) expiry margin} do calls wait for a new token.
 * A refresh that fails keeps the current token and is tried again with backoff; transient
 * failures of the token endpoint are retried; rejected credentials fail at once and, for
 * a short cooldown, without asking the endpoint again.
 * <p>
 * It is also the {@link ReactiveOAuth2AuthorizationFailureHandler} that drops a token the
 * API answered {@code 401} to: pass the rejected {@link OAuth2AuthorizedClient} in the
 * attributes under its class name. A newer token is never dropped for the failure of an
 * older one.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class PatternHealthAuthorizedClientManager
		implements ReactiveOAuth2AuthorizedClientManager, ReactiveOAuth2AuthorizationFailureHandler {

	/**
	 * The registration id of Pattern Health's client, as used in
	 * {@link OAuth2AuthorizeRequest#withClientRegistrationId(String)}.
	 */
	public static final String REGISTRATION_ID = "pattern-health";

	private static final Log logger = LogFactory.getLog(PatternHealthAuthorizedClientManager.class);

	private final OAuth2ClientCredentialsGrantRequest grantRequest;

	private final ClientRegistration publicRegistration;

	private final WebClientReactiveClientCredentialsTokenResponseClient tokenResponseClient;

	private final Settings settings;

	private final TokenRequestRetry retry;

	private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);

	private PatternHealthAuthorizedClientManager(Builder builder) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Pattern Health")
			.clientId(builder.clientId)
			.clientSecret(builder.clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(builder.tokenUri.toString())
			.build();
		this.grantRequest = new OAuth2ClientCredentialsGrantRequest(registration);
		this.publicRegistration = ClientRegistration.withClientRegistration(registration).clientSecret(null).build();
		DefaultOAuth2TokenRequestHeadersConverter<OAuth2ClientCredentialsGrantRequest> headers = new DefaultOAuth2TokenRequestHeadersConverter<>();
		headers.setEncodeClientCredentials(builder.encodeCredentials);
		this.tokenResponseClient = new WebClientReactiveClientCredentialsTokenResponseClient();
		this.tokenResponseClient.setWebClient(builder.webClient);
		this.tokenResponseClient.setHeadersConverter(headers);
		this.tokenResponseClient.setBodyExtractor(
				new PatternHealthAccessTokenResponseExtractor(builder.clientId, builder.defaultExpiresIn));
		this.settings = new Settings(builder.refreshAhead, builder.expiryMargin, builder.timeout, builder.maxAttempts,
				builder.initialBackoff, builder.maxBackoff, builder.rejectedCredentialsCooldown, builder.clock);
		this.retry = new TokenRequestRetry(builder.maxAttempts, builder.initialBackoff, builder.maxBackoff);
	}

	/**
	 * Start building a manager for the given token endpoint and credentials.
	 * @param tokenUri the absolute URI of the token endpoint
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return a builder
	 */
	public static Builder withCredentials(URI tokenUri, String clientId, String clientSecret) {
		return new Builder(tokenUri, clientId, clientSecret);
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest authorizeRequest) {
		Assert.notNull(authorizeRequest, "'authorizeRequest' must not be null");
		if (!REGISTRATION_ID.equals(authorizeRequest.getClientRegistrationId())) {
			return Mono.error(new IllegalArgumentException("Only the '" + REGISTRATION_ID
					+ "' registration is served here, not '" + authorizeRequest.getClientRegistrationId() + "'"));
		}
		return Mono.defer(this::authorizedClient);
	}

	@Override
	public Mono<Void> onAuthorizationFailure(OAuth2AuthorizationException authorizationException,
			Authentication principal, Map<String, Object> attributes) {
		if (attributes.get(OAuth2AuthorizedClient.class.getName()) instanceof OAuth2AuthorizedClient rejected) {
			String rejectedValue = rejected.getAccessToken().getTokenValue();
			this.state.updateAndGet((current) -> current.holds(rejectedValue) ? current.withoutToken() : current);
		}
		return Mono.empty();
	}

	private Mono<OAuth2AuthorizedClient> authorizedClient() {
		Instant now = this.settings.clock().instant();
		while (true) {
			State current = this.state.get();
			CachedToken token = current.token();
			if (token != null && now.isBefore(token.expiresAt())) {
				if (!now.isBefore(token.refreshAt())) {
					refreshInBackground(now);
				}
				return token.mono();
			}
			if (current.refresh() != null) {
				return current.refresh().map(CachedToken::client);
			}
			if (current.rejection() != null && now.isBefore(current.nextAttempt())) {
				return Mono.error(current.rejection());
			}
			Sinks.One<CachedToken> refresh = Sinks.one();
			if (this.state.compareAndSet(current, current.refreshing(refresh.asMono()))) {
				requestToken(refresh);
				return refresh.asMono().map(CachedToken::client);
			}
		}
	}

	private void refreshInBackground(Instant now) {
		while (true) {
			State current = this.state.get();
			if (current.refresh() != null || (current.nextAttempt() != null && now.isBefore(current.nextAttempt()))) {
				return;
			}
			Sinks.One<CachedToken> refresh = Sinks.one();
			if (this.state.compareAndSet(current, current.refreshing(refresh.asMono()))) {
				requestToken(refresh);
				return;
			}
		}
	}

	private void requestToken(Sinks.One<CachedToken> refresh) {
		Mono.defer(() -> {
			Instant requestedAt = this.settings.clock().instant();
			return this.tokenResponseClient.getTokenResponse(this.grantRequest)
				.timeout(this.settings.timeout())
				.map((response) -> cache(response, requestedAt));
		}).retryWhen(this.retry).subscribe((token) -> {
			this.state.updateAndGet((current) -> current.refreshed(token));
			if (logger.isDebugEnabled()) {
				logger.debug("Obtained a Pattern Health access token valid for " + describe(token.lifetime()));
			}
			refresh.tryEmitValue(token);
		}, (ex) -> {
			PatternHealthTokenException failure = describe(ex);
			State failed = this.state.updateAndGet((current) -> current.failed(failure, this.settings));
			logFailure(failure, failed);
			refresh.tryEmitError(failure);
		});
	}

	private CachedToken cache(OAuth2AccessTokenResponse response, Instant requestedAt) {
		OAuth2AccessToken received = response.getAccessToken();
		Duration lifetime = Duration.between(received.getIssuedAt(), received.getExpiresAt());
		Instant expiresAt = requestedAt.plus(lifetime);
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, received.getTokenValue(),
				requestedAt, expiresAt, received.getScopes());
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.publicRegistration,
				this.publicRegistration.getClientId(), token);
		return new CachedToken(client, expiresAt.minus(share(lifetime, this.settings.refreshAhead())),
				expiresAt.minus(share(lifetime, this.settings.expiryMargin())));
	}

	private PatternHealthTokenException describe(Throwable ex) {
		if (ex instanceof PatternHealthTokenException tokenException) {
			return tokenException;
		}
		String tokenUri = this.publicRegistration.getProviderDetails().getTokenUri();
		String attempts = " (" + this.settings.maxAttempts()
				+ ((this.settings.maxAttempts() != 1) ? " attempts)" : " attempt)");
		String message;
		if (ex instanceof TimeoutException) {
			message = "Pattern Health's token endpoint at " + tokenUri + " did not answer within "
					+ describe(this.settings.timeout()) + attempts
					+ ". Check patternhealth.base-url, or raise patternhealth.token.timeout.";
		}
		else if (ex instanceof WebClientRequestException) {
			message = "Could not reach Pattern Health's token endpoint at " + tokenUri + attempts + ": "
					+ rootMessage(ex) + ". Check patternhealth.base-url and the network.";
		}
		else {
			message = "Could not obtain a Pattern Health access token from " + tokenUri + ": " + rootMessage(ex);
		}
		return new PatternHealthTokenException(new OAuth2Error("token_endpoint_unavailable", null, null), null, null,
				message, ex);
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

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	private static Duration share(Duration lifetime, double ratio) {
		return Duration.ofNanos((long) (lifetime.toNanos() * ratio));
	}

	private static String describe(Duration duration) {
		if (duration.toMinutes() >= 2) {
			return duration.toMinutes() + " minutes";
		}
		return (duration.toMillis() >= 2000) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	/**
	 * A token handed out by this manager, with the instants at which a refresh starts and
	 * at which calls stop using it, and a ready {@code Mono} of it, so that handing out a
	 * cached token allocates nothing but the caller's subscription.
	 */
	private record CachedToken(OAuth2AuthorizedClient client, Instant refreshAt, Instant expiresAt,
			Mono<OAuth2AuthorizedClient> mono) {

		CachedToken(OAuth2AuthorizedClient client, Instant refreshAt, Instant expiresAt) {
			this(client, refreshAt, expiresAt, Mono.just(client));
		}

		Duration lifetime() {
			OAuth2AccessToken token = this.client.getAccessToken();
			return Duration.between(token.getIssuedAt(), token.getExpiresAt());
		}

	}

	/**
	 * Everything the manager knows at one instant, replaced as a whole so that concurrent
	 * callers always see a consistent view.
	 */
	private record State(@Nullable CachedToken token, @Nullable Mono<CachedToken> refresh, int failures,
			@Nullable Instant nextAttempt, @Nullable PatternHealthCredentialsRejectedException rejection) {

		static final State EMPTY = new State(null, null, 0, null, null);

		boolean holds(String tokenValue) {
			return this.token != null && this.token.client().getAccessToken().getTokenValue().equals(tokenValue);
		}

		State withoutToken() {
			return new State(null, this.refresh, this.failures, this.nextAttempt, this.rejection);
		}

		State refreshing(Mono<CachedToken> refresh) {
			return new State(this.token, refresh, this.failures, this.nextAttempt, this.rejection);
		}

		State refreshed(CachedToken token) {
			return new State(token, null, 0, null, null);
		}

		State failed(PatternHealthTokenException failure, Settings settings) {
			Instant now = settings.clock().instant();
			if (failure instanceof PatternHealthCredentialsRejectedException rejected) {
				return new State(this.token, null, this.failures + 1, now.plus(settings.rejectedCredentialsCooldown()),
						rejected);
			}
			Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(this.failures, 20));
			backoff = (backoff.compareTo(settings.maxBackoff()) > 0) ? settings.maxBackoff() : backoff;
			return new State(this.token, null, this.failures + 1, now.plus(backoff), null);
		}

	}

	/**
	 * The settings of a manager, fixed when it is built.
	 */
	private record Settings(double refreshAhead, double expiryMargin, Duration timeout, int maxAttempts,
			Duration initialBackoff, Duration maxBackoff, Duration rejectedCredentialsCooldown, Clock clock) {

	}

	/**
	 * Builds a {@link PatternHealthAuthorizedClientManager}. The defaults suit Pattern
	 * Health's one-hour tokens.
	 */
	public static final class Builder {

		private final URI tokenUri;

		private final String clientId;

		private final String clientSecret;

		private WebClient webClient = WebClient.create();

		private boolean encodeCredentials;

		private Duration defaultExpiresIn = Duration.ofMinutes(5);

		private double refreshAhead = 0.1;

		private double expiryMargin = 0.02;

		private Duration timeout = Duration.ofSeconds(10);

		private int maxAttempts = 3;

		private Duration initialBackoff = Duration.ofMillis(200);

		private Duration maxBackoff = Duration.ofSeconds(5);

		private Duration rejectedCredentialsCooldown = Duration.ofSeconds(1);

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
		 * Set the {@link WebClient} that sends token requests. It must not carry the
		 * bearer filter.
		 * @param webClient the web client
		 * @return this builder
		 */
		public Builder webClient(WebClient webClient) {
			this.webClient = webClient;
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
		 * @param maxBackoff the longest delay between two attempts
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
		 * Build the manager.
		 * @return the manager
		 */
		public PatternHealthAuthorizedClientManager build() {
			Assert.isTrue(this.expiryMargin >= 0 && this.expiryMargin < this.refreshAhead && this.refreshAhead < 1,
					"Expected 0 <= expiry margin < refresh ahead < 1, got expiry margin " + this.expiryMargin
							+ " and refresh ahead " + this.refreshAhead);
			return new PatternHealthAuthorizedClientManager(this);
		}

	}

}
