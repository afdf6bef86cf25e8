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

package com.patternhealth.boot.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the Pattern Health API on a local port, for tests and for running an
 * application without a Pattern Health tenant. It behaves as Pattern Health documents its
 * API:
 * <ul>
 * <li>{@code POST /api/auth/token} checks {@code Authorization: Basic} against the Base64
 * of {@code clientId:clientSecret} exactly as written (not URL-encoded) and answers
 * {@code 401 {"error":"invalid_client"}} to anything else; it requires the form
 * {@code grant_type=client_credentials} and answers {@code access_token},
 * {@code expires_in} in <em>milliseconds</em> and {@code token_type} {@code bearer}.</li>
 * <li>Every other request needs {@code Authorization: Bearer} with a token it issued and
 * that has not expired, or gets {@code 401}.</li>
 * <li>{@code GET /api/v1/groups/{group}/members} and {@code /tasks} answer the paging
 * envelope ({@code totalCount}, {@code limit} clamped to 1..200, {@code offset},
 * {@code results}, and absolute {@code nextPage} and {@code previousPage} URLs when there
 * is such a page); {@code /members/{id}} and {@code /tasks/{id}} answer one item.</li>
 * </ul>
 * It runs on WireMock: {@link #wireMock()} gives access to its request journal and lets
 * tests stub further resources, which then need a valid token too.
 *
 * @author Pattern Health Spring Boot authors
 */
public final class PatternHealthStandIn implements AutoCloseable {

	/**
	 * The client id accepted unless another one is configured.
	 */
	public static final String DEFAULT_CLIENT_ID = "pattern-health-stand-in";

	/**
	 * The client secret accepted unless another one is configured. It holds characters
	 * that URL-encoding changes, so a client that URL-encodes the credentials before
	 * Base64 encoding them (as RFC 6749 asks and Pattern Health does not) is rejected.
	 */
	public static final String DEFAULT_CLIENT_SECRET = "stand-in+secret/with=special:characters%";

	/**
	 * The lifetime of the tokens issued unless another one is configured: one hour, as
	 * Pattern Health's.
	 */
	public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

	/**
	 * The path of the token endpoint.
	 */
	public static final String TOKEN_PATH = "/api/auth/token";

	/**
	 * The id of the group that {@link #seedExampleGroup()} creates.
	 */
	public static final String EXAMPLE_GROUP_ID = "3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10";

	private final WireMockServer server;

	private final String clientId;

	private final String clientSecret;

	private final String expectedBasicCredentials;

	private final Duration configuredTokenLifetime;

	private volatile Duration tokenLifetime;

	private final Clock clock;

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, Group> groups = new ConcurrentHashMap<>();

	private final AtomicReference<PendingFailures> apiFailures = new AtomicReference<>(PendingFailures.NONE);

	private final AtomicReference<PendingFailures> tokenFailures = new AtomicReference<>(PendingFailures.NONE);

	private PatternHealthStandIn(Builder builder) {
		this.clientId = builder.clientId;
		this.clientSecret = builder.clientSecret;
		this.expectedBasicCredentials = Base64.getEncoder()
			.encodeToString((builder.clientId + ":" + builder.clientSecret).getBytes(StandardCharsets.UTF_8));
		this.configuredTokenLifetime = builder.tokenLifetime;
		this.tokenLifetime = builder.tokenLifetime;
		this.clock = builder.clock;
		this.server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.port(builder.port)
			.extensions(new BearerTokenFilter(this), new TokenEndpoint(this), new GroupResources(this)));
	}

	/**
	 * Start a stand-in on a free port, with the default credentials and token lifetime.
	 * @return the running stand-in
	 */
	public static PatternHealthStandIn start() {
		return builder().start();
	}

	/**
	 * Start configuring a stand-in.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private PatternHealthStandIn startServer() {
		this.server.start();
		this.server.stubFor(WireMock.any(WireMock.urlPathEqualTo(TOKEN_PATH))
			.atPriority(10)
			.willReturn(WireMock.aResponse().withTransformers(TokenEndpoint.NAME)));
		this.server.stubFor(WireMock.get(WireMock.urlPathMatching(GroupResources.PATH_PATTERN.pattern()))
			.atPriority(10)
			.willReturn(WireMock.aResponse().withTransformers(GroupResources.NAME)));
		return this;
	}

	/**
	 * Return the base URL to set as {@code patternhealth.base-url}, such as
	 * {@code http://127.0.0.1:54321}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Return the local port.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Return the client id that the token endpoint accepts.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Return the client secret that the token endpoint accepts.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.clientSecret;
	}

	/**
	 * Return the lifetime of the tokens issued from now on.
	 * @return the token lifetime
	 */
	public Duration tokenLifetime() {
		return this.tokenLifetime;
	}

	/**
	 * Set the lifetime of the tokens issued from now on, answered as {@code expires_in}
	 * in milliseconds. {@link #reset()} restores the configured one.
	 * @param tokenLifetime the token lifetime, positive
	 */
	public void setTokenLifetime(Duration tokenLifetime) {
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("'tokenLifetime' must be positive, not " + tokenLifetime);
		}
		this.tokenLifetime = tokenLifetime;
	}

	/**
	 * Return the number of requests the token endpoint received, accepted or not, since
	 * the start or the last {@link #reset()}.
	 * @return the number of token requests
	 */
	public int tokenRequestCount() {
		return count(true);
	}

	/**
	 * Return the number of requests received other than token requests, authorized or
	 * not, since the start or the last {@link #reset()}.
	 * @return the number of API requests
	 */
	public int apiRequestCount() {
		return count(false);
	}

	/**
	 * Return the {@code Authorization} header of the last request received other than a
	 * token request.
	 * @return the header, or {@code null} if there was no such request or it had none
	 */
	public @Nullable String lastAuthorizationHeader() {
		for (ServeEvent event : this.server.getAllServeEvents()) {
			if (!isTokenRequest(event.getRequest().getUrl())) {
				return event.getRequest().getHeader("Authorization");
			}
		}
		return null;
	}

	/**
	 * Make every token issued so far expired, so that the API answers {@code 401} to it.
	 */
	public void expireAllTokens() {
		this.tokens.replaceAll((token, expiresAt) -> Instant.MIN);
	}

	/**
	 * Answer the next {@code count} requests other than token requests with the given
	 * status and no body, such as {@code 429} or {@code 503}, before checking their
	 * token.
	 * @param status the HTTP status, 400 to 599
	 * @param count the number of requests to fail; zero cancels earlier failures
	 */
	public void failNextApiRequests(int status, int count) {
		failNextApiRequests(status, count, null);
	}

	/**
	 * Answer the next {@code count} requests other than token requests with the given
	 * status, no body and, if given, a {@code Retry-After} header in whole seconds
	 * (rounded up), before checking their token.
	 * @param status the HTTP status, 400 to 599
	 * @param count the number of requests to fail; zero cancels earlier failures
	 * @param retryAfter the delay to answer as {@code Retry-After}, not negative, or
	 * {@code null} for no such header
	 */
	public void failNextApiRequests(int status, int count, @Nullable Duration retryAfter) {
		this.apiFailures.set(PendingFailures.of(status, count, retryAfter));
	}

	/**
	 * Answer the next {@code count} requests other than token requests with
	 * {@code 429 Too Many Requests}, as Pattern Health's rate limit does, and, if given,
	 * a {@code Retry-After} header in whole seconds (rounded up).
	 * @param count the number of requests to fail; zero cancels earlier failures
	 * @param retryAfter the delay to answer as {@code Retry-After}, not negative, or
	 * {@code null} for no such header
	 */
	public void rateLimitNextApiRequests(int count, @Nullable Duration retryAfter) {
		failNextApiRequests(429, count, retryAfter);
	}

	/**
	 * Answer the next {@code count} token requests with the given status and no body,
	 * such as {@code 429} or {@code 503}, before checking their credentials.
	 * @param status the HTTP status, 400 to 599
	 * @param count the number of requests to fail; zero cancels earlier failures
	 */
	public void failNextTokenRequests(int status, int count) {
		this.tokenFailures.set(PendingFailures.of(status, count, null));
	}

	/**
	 * Set the members of a group, creating the group if needed. Each member is a JSON
	 * object; its {@code id}, if any, serves {@code /members/{id}}.
	 * @param groupId the group id
	 * @param members the members, in the order of their pages
	 */
	public void setMembers(String groupId, List<? extends Map<String, ?>> members) {
		group(groupId).members = copy(members);
	}

	/**
	 * Set the tasks of a group, creating the group if needed. Each task is a JSON object;
	 * its {@code id}, if any, serves {@code /tasks/{id}}.
	 * @param groupId the group id
	 * @param tasks the tasks, in the order of their pages
	 */
	public void setTasks(String groupId, List<? extends Map<String, ?>> tasks) {
		group(groupId).tasks = copy(tasks);
	}

	/**
	 * Create the group {@link #EXAMPLE_GROUP_ID} with five members and seven tasks, or
	 * restore it. Pattern Health does not document the fields of members and tasks; these
	 * are illustrations.
	 * @return the id of the group
	 */
	public String seedExampleGroup() {
		setMembers(EXAMPLE_GROUP_ID, ExampleGroup.members(EXAMPLE_GROUP_ID));
		setTasks(EXAMPLE_GROUP_ID, ExampleGroup.tasks(EXAMPLE_GROUP_ID));
		return EXAMPLE_GROUP_ID;
	}

	/**
	 * Forget the requests received and the pending failures, and restore the configured
	 * token lifetime. Issued tokens stay valid, so an application keeps using its cached
	 * token, and groups keep their members and tasks.
	 */
	public void reset() {
		this.server.resetRequests();
		this.apiFailures.set(PendingFailures.NONE);
		this.tokenFailures.set(PendingFailures.NONE);
		this.tokenLifetime = this.configuredTokenLifetime;
	}

	/**
	 * Return the WireMock server behind this stand-in, to read its request journal or to
	 * stub further resources. Leave the stand-in's own stubs in place: use
	 * {@link #reset()} rather than {@code resetAll()} or {@code resetMappings()}.
	 * @return the WireMock server
	 */
	public WireMockServer wireMock() {
		return this.server;
	}

	/**
	 * Return whether the stand-in is running.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Stop the stand-in.
	 */
	@Override
	public void close() {
		if (this.server.isRunning()) {
			this.server.stop();
		}
	}

	boolean isTokenRequest(String url) {
		int query = url.indexOf('?');
		return TOKEN_PATH.equals((query != -1) ? url.substring(0, query) : url);
	}

	boolean acceptsBasic(@Nullable String authorization) {
		String credentials = credentials(authorization, "Basic");
		return this.expectedBasicCredentials.equals(credentials);
	}

	IssuedToken issueToken() {
		Duration lifetime = this.tokenLifetime;
		String value = "stand-in-" + UUID.randomUUID();
		this.tokens.put(value, this.clock.instant().plus(lifetime));
		return new IssuedToken(value, lifetime);
	}

	TokenCheck checkBearer(@Nullable String authorization) {
		String token = credentials(authorization, "Bearer");
		if (token == null) {
			return TokenCheck.MISSING;
		}
		Instant expiresAt = this.tokens.get(token);
		if (expiresAt == null) {
			return TokenCheck.UNKNOWN;
		}
		return this.clock.instant().isBefore(expiresAt) ? TokenCheck.VALID : TokenCheck.EXPIRED;
	}

	/**
	 * Return the failure to answer to the next request of the given kind, and count it.
	 * @return the failure, or {@code null} if none is pending
	 */
	@Nullable Failure nextFailure(boolean tokenRequest) {
		AtomicReference<PendingFailures> failures = tokenRequest ? this.tokenFailures : this.apiFailures;
		while (true) {
			PendingFailures current = failures.get();
			if (current.remaining() == 0) {
				return null;
			}
			if (failures.compareAndSet(current, current.next())) {
				return current.failure();
			}
		}
	}

	@Nullable Group findGroup(String groupId) {
		return this.groups.get(groupId);
	}

	private Group group(String groupId) {
		return this.groups.computeIfAbsent(groupId, (id) -> new Group());
	}

	private int count(boolean tokenRequests) {
		int count = 0;
		for (ServeEvent event : this.server.getAllServeEvents()) {
			if (isTokenRequest(event.getRequest().getUrl()) == tokenRequests) {
				count++;
			}
		}
		return count;
	}

	private static @Nullable String credentials(@Nullable String authorization, String scheme) {
		if (authorization == null || authorization.length() <= scheme.length()
				|| !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
			return null;
		}
		return authorization.substring(scheme.length() + 1);
	}

	private static List<Map<String, Object>> copy(List<? extends Map<String, ?>> items) {
		List<Map<String, Object>> copy = new ArrayList<>(items.size());
		for (Map<String, ?> item : items) {
			copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(item)));
		}
		return Collections.unmodifiableList(copy);
	}

	/**
	 * A token just issued.
	 */
	record IssuedToken(String value, Duration lifetime) {

	}

	/**
	 * What the stand-in makes of the bearer token of a request.
	 */
	enum TokenCheck {

		VALID, MISSING, UNKNOWN, EXPIRED

	}

	/**
	 * The members and tasks of a group.
	 */
	static final class Group {

		volatile List<Map<String, Object>> members = List.of();

		volatile List<Map<String, Object>> tasks = List.of();

	}

	/**
	 * A failure to answer: a status and, if positive or zero, a {@code Retry-After} in
	 * seconds.
	 */
	record Failure(int status, long retryAfterSeconds) {

		ResponseDefinition response() {
			return (this.retryAfterSeconds >= 0)
					? Responses.empty(this.status, "Retry-After", Long.toString(this.retryAfterSeconds))
					: Responses.empty(this.status);
		}

	}

	/**
	 * Failures to answer to the next requests.
	 */
	private record PendingFailures(Failure failure, int remaining) {

		static final PendingFailures NONE = new PendingFailures(new Failure(0, -1), 0);

		static PendingFailures of(int status, int count, @Nullable Duration retryAfter) {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("'status' must be between 400 and 599, not " + status);
			}
			if (count < 0) {
				throw new IllegalArgumentException("'count' must not be negative, not " + count);
			}
			if (retryAfter != null && retryAfter.isNegative()) {
				throw new IllegalArgumentException("'retryAfter' must not be negative, not " + retryAfter);
			}
			long seconds = (retryAfter != null) ? retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0) : -1;
			return new PendingFailures(new Failure(status, seconds), count);
		}

		PendingFailures next() {
			return new PendingFailures(this.failure, this.remaining - 1);
		}

	}

	/**
	 * Configures a {@link PatternHealthStandIn}.
	 */
	public static final class Builder {

		private int port;

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Set the port to listen on; zero, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Set the client id that the token endpoint accepts.
		 * @param clientId the client id, without {@code :}
		 * @return this builder
		 */
		public Builder clientId(String clientId) {
			if (clientId.isEmpty() || clientId.indexOf(':') != -1) {
				throw new IllegalArgumentException("'clientId' must be non-empty and free of ':'");
			}
			this.clientId = clientId;
			return this;
		}

		/**
		 * Set the client secret that the token endpoint accepts.
		 * @param clientSecret the client secret
		 * @return this builder
		 */
		public Builder clientSecret(String clientSecret) {
			if (clientSecret.isEmpty()) {
				throw new IllegalArgumentException("'clientSecret' must not be empty");
			}
			this.clientSecret = clientSecret;
			return this;
		}

		/**
		 * Set the lifetime of the tokens issued, answered as {@code expires_in} in
		 * milliseconds.
		 * @param tokenLifetime the token lifetime, positive
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
				throw new IllegalArgumentException("'tokenLifetime' must be positive, not " + tokenLifetime);
			}
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Set the clock against which tokens expire, so that tests can move time on.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Start the stand-in.
		 * @return the running stand-in
		 */
		public PatternHealthStandIn start() {
			return new PatternHealthStandIn(this).startServer();
		}

	}

}
