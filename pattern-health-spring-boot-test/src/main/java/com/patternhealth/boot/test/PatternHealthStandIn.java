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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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

	private final StandInTokens tokens;

	private final Map<String, Group> groups = new ConcurrentHashMap<>();

	private final StandInFailures failures = new StandInFailures();

	PatternHealthStandIn(PatternHealthStandInBuilder builder) {
		this.clientId = builder.clientId;
		this.clientSecret = builder.clientSecret;
		this.tokens = new StandInTokens(builder.clientId, builder.clientSecret, builder.tokenLifetime, builder.clock);
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
	public static PatternHealthStandInBuilder builder() {
		return new PatternHealthStandInBuilder();
	}

	PatternHealthStandIn startServer() {
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
		return this.tokens.lifetime();
	}

	/**
	 * Set the lifetime of the tokens issued from now on, answered as {@code expires_in}
	 * in milliseconds. {@link #reset()} restores the configured one.
	 * @param tokenLifetime the token lifetime, positive
	 */
	public void setTokenLifetime(Duration tokenLifetime) {
		this.tokens.setLifetime(tokenLifetime);
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
		this.tokens.expireAll();
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
		this.failures.failNext(false, status, count, retryAfter);
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
		this.failures.failNext(true, status, count, null);
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
		this.failures.reset();
		this.tokens.resetLifetime();
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
		return this.tokens.acceptsBasic(authorization);
	}

	StandInTokens.IssuedToken issueToken() {
		return this.tokens.issue();
	}

	StandInTokens.TokenCheck checkBearer(@Nullable String authorization) {
		return this.tokens.check(authorization);
	}

	StandInFailures.@Nullable Failure nextFailure(boolean tokenRequest) {
		return this.failures.next(tokenRequest);
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

	private static List<Map<String, Object>> copy(List<? extends Map<String, ?>> items) {
		List<Map<String, Object>> copy = new ArrayList<>(items.size());
		for (Map<String, ?> item : items) {
			copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(item)));
		}
		return Collections.unmodifiableList(copy);
	}

	/**
	 * The members and tasks of a group.
	 */
	static final class Group {

		volatile List<Map<String, Object>> members = List.of();

		volatile List<Map<String, Object>> tasks = List.of();

	}

}
