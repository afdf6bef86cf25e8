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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.jayway.jsonpath.JsonPath;
import com.patternhealth.boot.token.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link PatternHealthStandIn} over HTTP, as a client sees it.
 */
class PatternHealthStandInTests {

	private static final String MEMBERS = "/api/v1/groups/g1/members";

	private final HttpClient http = HttpClient.newHttpClient();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final List<PatternHealthStandIn> standIns = new ArrayList<>();

	@AfterEach
	void stop() {
		this.standIns.forEach(PatternHealthStandIn::close);
	}

	@Test
	void issuesTokenToExactBasicCredentialsWithExpiresInMilliseconds() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		HttpResponse<String> response = requestToken(standIn, basic(standIn.clientId(), standIn.clientSecret()),
				"grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(JsonPath.<String>read(response.body(), "$.access_token")).startsWith("stand-in-");
		assertThat(JsonPath.<Integer>read(response.body(), "$.expires_in")).isEqualTo(3600000);
		assertThat(JsonPath.<String>read(response.body(), "$.token_type")).isEqualTo("bearer");
	}

	@Test
	void answersTheConfiguredTokenLifetimeInMilliseconds() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder().tokenLifetime(Duration.ofSeconds(90)));
		assertThat(JsonPath.<Integer>read(token(standIn), "$.expires_in")).isEqualTo(90000);
		standIn.setTokenLifetime(Duration.ofMillis(1500));
		assertThat(JsonPath.<Integer>read(token(standIn), "$.expires_in")).isEqualTo(1500);
		standIn.reset();
		assertThat(JsonPath.<Integer>read(token(standIn), "$.expires_in")).isEqualTo(90000);
	}

	@Test
	void rejectsUrlEncodedCredentialsAsInvalidClient() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		String urlEncoded = basic(URLEncoder.encode(standIn.clientId(), StandardCharsets.UTF_8),
				URLEncoder.encode(standIn.clientSecret(), StandardCharsets.UTF_8));
		assertThat(urlEncoded).isNotEqualTo(basic(standIn.clientId(), standIn.clientSecret()));
		HttpResponse<String> response = requestToken(standIn, urlEncoded, "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
	}

	@Test
	void rejectsWrongSecretAndMissingCredentials() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder().clientId("id").clientSecret("secret"));
		assertThat(requestToken(standIn, basic("id", "Secret"), "grant_type=client_credentials").statusCode())
			.isEqualTo(401);
		assertThat(requestToken(standIn, null, "grant_type=client_credentials").body())
			.isEqualTo("{\"error\":\"invalid_client\"}");
		assertThat(requestToken(standIn, basic("id", "secret"), "grant_type=client_credentials").statusCode())
			.isEqualTo(200);
		assertThat(standIn.tokenRequestCount()).isEqualTo(3);
	}

	@Test
	void requiresTheClientCredentialsGrant() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		String credentials = basic(standIn.clientId(), standIn.clientSecret());
		HttpResponse<String> password = requestToken(standIn, credentials, "grant_type=password");
		assertThat(password.statusCode()).isEqualTo(400);
		assertThat(password.body()).isEqualTo("{\"error\":\"unsupported_grant_type\"}");
		HttpResponse<String> missing = requestToken(standIn, credentials, "scope=all");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).isEqualTo("{\"error\":\"invalid_request\"}");
	}

	@Test
	void answers401ToApiRequestsWithoutAValidToken() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", List.of());
		HttpResponse<String> missing = call(standIn, MEMBERS, null);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"Pattern Health\"");
		HttpResponse<String> unknown = call(standIn, MEMBERS, "Bearer stand-in-forged");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer error=\"invalid_token\", error_description=\"Unknown access token\"");
		assertThat(call(standIn, MEMBERS, "Basic " + basic(standIn.clientId(), standIn.clientSecret())).statusCode())
			.isEqualTo(401);
		assertThat(call(standIn, MEMBERS, bearer(standIn)).statusCode()).isEqualTo(200);
	}

	@Test
	void answers401ToAnExpiredToken() throws Exception {
		PatternHealthStandIn standIn = start(
				PatternHealthStandIn.builder().clock(this.clock).tokenLifetime(Duration.ofMinutes(60)));
		standIn.setMembers("g1", List.of());
		String bearer = bearer(standIn);
		this.clock.advance(Duration.ofMinutes(60).minusMillis(1));
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMillis(1));
		HttpResponse<String> expired = call(standIn, MEMBERS, bearer);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
	}

	@Test
	void expireAllTokensMakesIssuedTokensExpired() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", List.of());
		String first = bearer(standIn);
		standIn.expireAllTokens();
		assertThat(call(standIn, MEMBERS, first).statusCode()).isEqualTo(401);
		assertThat(call(standIn, MEMBERS, bearer(standIn)).statusCode()).isEqualTo(200);
	}

	@Test
	void pagesWithAbsoluteLinksThatAreAbsentAtTheEnds() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(5));
		String bearer = bearer(standIn);
		String first = call(standIn, MEMBERS + "?limit=2", bearer).body();
		assertThat(JsonPath.<Integer>read(first, "$.totalCount")).isEqualTo(5);
		assertThat(JsonPath.<Integer>read(first, "$.limit")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(first, "$.offset")).isZero();
		assertThat(JsonPath.<List<String>>read(first, "$.results[*].id")).containsExactly("m0", "m1");
		assertThat(JsonPath.<String>read(first, "$.nextPage"))
			.isEqualTo(standIn.baseUrl() + MEMBERS + "?limit=2&offset=2");
		assertThat(JsonPath.<Map<String, Object>>read(first, "$")).doesNotContainKey("previousPage");
		String second = call(standIn, MEMBERS + "?limit=2&offset=2", bearer).body();
		assertThat(JsonPath.<List<String>>read(second, "$.results[*].id")).containsExactly("m2", "m3");
		assertThat(JsonPath.<String>read(second, "$.nextPage"))
			.isEqualTo(standIn.baseUrl() + MEMBERS + "?limit=2&offset=4");
		assertThat(JsonPath.<String>read(second, "$.previousPage"))
			.isEqualTo(standIn.baseUrl() + MEMBERS + "?limit=2&offset=0");
		String last = call(standIn, MEMBERS + "?limit=2&offset=4", bearer).body();
		assertThat(JsonPath.<List<String>>read(last, "$.results[*].id")).containsExactly("m4");
		assertThat(JsonPath.<Map<String, Object>>read(last, "$")).doesNotContainKey("nextPage");
		assertThat(JsonPath.<String>read(last, "$.previousPage"))
			.isEqualTo(standIn.baseUrl() + MEMBERS + "?limit=2&offset=2");
	}

	@Test
	void keepsOtherQueryParametersInPageLinks() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setTasks("g1", members(3));
		String page = call(standIn, "/api/v1/groups/g1/tasks?offset=1&status=COMPLETE&limit=1&taskDateStart=2026-03-01",
				bearer(standIn))
			.body();
		assertThat(JsonPath.<String>read(page, "$.nextPage")).isEqualTo(standIn.baseUrl()
				+ "/api/v1/groups/g1/tasks?status=COMPLETE&taskDateStart=2026-03-01&limit=1&offset=2");
		assertThat(JsonPath.<String>read(page, "$.previousPage")).isEqualTo(standIn.baseUrl()
				+ "/api/v1/groups/g1/tasks?status=COMPLETE&taskDateStart=2026-03-01&limit=1&offset=0");
	}

	@Test
	void defaultsTheLimitTo200AndClampsItTo1To200() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(201));
		String bearer = bearer(standIn);
		String defaults = call(standIn, MEMBERS, bearer).body();
		assertThat(JsonPath.<Integer>read(defaults, "$.limit")).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(defaults, "$.offset")).isZero();
		assertThat(JsonPath.<List<Object>>read(defaults, "$.results")).hasSize(200);
		assertThat(JsonPath.<String>read(defaults, "$.nextPage"))
			.isEqualTo(standIn.baseUrl() + MEMBERS + "?limit=200&offset=200");
		assertThat(JsonPath.<Integer>read(call(standIn, MEMBERS + "?limit=500", bearer).body(), "$.limit"))
			.isEqualTo(200);
		String one = call(standIn, MEMBERS + "?limit=0", bearer).body();
		assertThat(JsonPath.<Integer>read(one, "$.limit")).isEqualTo(1);
		assertThat(JsonPath.<List<Object>>read(one, "$.results")).hasSize(1);
	}

	@Test
	void answers422ToLimitOrOffsetThatAreNotWholeNumbers() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(1));
		String bearer = bearer(standIn);
		assertThat(call(standIn, MEMBERS + "?limit=ten", bearer).statusCode()).isEqualTo(422);
		assertThat(call(standIn, MEMBERS + "?offset=-1", bearer).statusCode()).isEqualTo(422);
	}

	@Test
	void servesOneItemByIdAnd404ForUnknownGroupsAndItems() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(2));
		String bearer = bearer(standIn);
		HttpResponse<String> member = call(standIn, MEMBERS + "/m1", bearer);
		assertThat(member.statusCode()).isEqualTo(200);
		assertThat(member.body()).isEqualTo("{\"id\":\"m1\",\"firstName\":\"Member 1\"}");
		assertThat(call(standIn, MEMBERS + "/m7", bearer).statusCode()).isEqualTo(404);
		assertThat(call(standIn, "/api/v1/groups/g2/members", bearer).statusCode()).isEqualTo(404);
	}

	@Test
	void seedsTheExampleGroup() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		String group = standIn.seedExampleGroup();
		String bearer = bearer(standIn);
		String members = call(standIn, "/api/v1/groups/" + group + "/members", bearer).body();
		assertThat(JsonPath.<Integer>read(members, "$.totalCount")).isEqualTo(5);
		assertThat(JsonPath.<String>read(members, "$.results[0].links.self.href"))
			.isEqualTo("/api/v1/groups/" + group + "/members/" + JsonPath.read(members, "$.results[0].id"));
		String tasks = call(standIn, "/api/v1/groups/" + group + "/tasks", bearer).body();
		assertThat(JsonPath.<Integer>read(tasks, "$.totalCount")).isEqualTo(7);
	}

	@Test
	void failsTheNextApiRequestsOnDemandBeforeCheckingTheToken() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(1));
		String bearer = bearer(standIn);
		standIn.failNextApiRequests(429, 2);
		assertThat(call(standIn, MEMBERS, null).statusCode()).isEqualTo(429);
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(429);
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(200);
		standIn.failNextApiRequests(503, 5);
		standIn.failNextApiRequests(503, 0);
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(200);
		assertThat(requestToken(standIn, basic(standIn.clientId(), standIn.clientSecret()),
				"grant_type=client_credentials")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void rateLimitsTheNextApiRequestsOnDemandWithOrWithoutRetryAfter() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(1));
		String bearer = bearer(standIn);
		standIn.rateLimitNextApiRequests(2, Duration.ofMillis(1500));
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> limited = call(standIn, MEMBERS, bearer);
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(limited.headers().allValues("Retry-After")).containsExactly("2");
			assertThat(limited.body()).isEmpty();
		}
		standIn.rateLimitNextApiRequests(1, null);
		HttpResponse<String> limited = call(standIn, MEMBERS, bearer);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(200);
		assertThat(standIn.apiRequestCount()).isEqualTo(4);
	}

	@Test
	void answersTheNextApiRequestsWith503AndRetryAfterOnDemand() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(1));
		String bearer = bearer(standIn);
		standIn.failNextApiRequests(503, 1, Duration.ofSeconds(3));
		HttpResponse<String> unavailable = call(standIn, MEMBERS, bearer);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().allValues("Retry-After")).containsExactly("3");
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsANegativeRetryAfter() {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> standIn.rateLimitNextApiRequests(1, Duration.ofSeconds(-1)))
			.withMessage("'retryAfter' must not be negative, not PT-1S");
	}

	@Test
	void failsTheNextTokenRequestsOnDemand() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.failNextTokenRequests(503, 1);
		String credentials = basic(standIn.clientId(), standIn.clientSecret());
		HttpResponse<String> failed = requestToken(standIn, credentials, "grant_type=client_credentials");
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).isEmpty();
		assertThat(requestToken(standIn, credentials, "grant_type=client_credentials").statusCode()).isEqualTo(200);
		assertThat(standIn.tokenRequestCount()).isEqualTo(2);
	}

	@Test
	void rejectsFailureStatusesOutsideTheErrorRange() {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		assertThatIllegalArgumentException().isThrownBy(() -> standIn.failNextApiRequests(302, 1))
			.withMessage("'status' must be between 400 and 599, not 302");
	}

	@Test
	void countsRequestsAndRemembersTheLastAuthorizationHeaderOfApiRequests() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(1));
		assertThat(standIn.lastAuthorizationHeader()).isNull();
		String bearer = bearer(standIn);
		call(standIn, MEMBERS, bearer);
		call(standIn, MEMBERS, "Bearer other");
		assertThat(standIn.lastAuthorizationHeader()).isEqualTo("Bearer other");
		call(standIn, MEMBERS, bearer);
		assertThat(standIn.lastAuthorizationHeader()).isEqualTo(bearer);
		bearer(standIn);
		assertThat(standIn.lastAuthorizationHeader()).isEqualTo(bearer);
		assertThat(standIn.tokenRequestCount()).isEqualTo(2);
		assertThat(standIn.apiRequestCount()).isEqualTo(3);
	}

	@Test
	void resetForgetsRequestsButKeepsTokensAndGroups() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.setMembers("g1", members(1));
		String bearer = bearer(standIn);
		call(standIn, MEMBERS, bearer);
		standIn.failNextApiRequests(500, 1);
		standIn.reset();
		assertThat(standIn.tokenRequestCount()).isZero();
		assertThat(standIn.apiRequestCount()).isZero();
		assertThat(standIn.lastAuthorizationHeader()).isNull();
		assertThat(call(standIn, MEMBERS, bearer).statusCode()).isEqualTo(200);
	}

	@Test
	void requiresATokenForResourcesStubbedByTheTest() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		standIn.wireMock()
			.stubFor(WireMock.get("/api/v1/groups/g1/measurements").willReturn(WireMock.okJson("{\"results\":[]}")));
		assertThat(call(standIn, "/api/v1/groups/g1/measurements", null).statusCode()).isEqualTo(401);
		HttpResponse<String> response = call(standIn, "/api/v1/groups/g1/measurements", bearer(standIn));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"results\":[]}");
	}

	@Test
	void listensOnLoopbackAndStops() throws Exception {
		PatternHealthStandIn standIn = start(PatternHealthStandIn.builder());
		assertThat(standIn.baseUrl()).isEqualTo("http://127.0.0.1:" + standIn.port());
		assertThat(standIn.isRunning()).isTrue();
		standIn.close();
		assertThat(standIn.isRunning()).isFalse();
		standIn.close();
	}

	private PatternHealthStandIn start(PatternHealthStandInBuilder builder) {
		PatternHealthStandIn standIn = builder.start();
		this.standIns.add(standIn);
		return standIn;
	}

	private String token(PatternHealthStandIn standIn) throws IOException, InterruptedException {
		HttpResponse<String> response = requestToken(standIn, basic(standIn.clientId(), standIn.clientSecret()),
				"grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String bearer(PatternHealthStandIn standIn) throws IOException, InterruptedException {
		return "Bearer " + JsonPath.read(token(standIn), "$.access_token");
	}

	private HttpResponse<String> requestToken(PatternHealthStandIn standIn, @Nullable String basicCredentials,
			String form) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/api/auth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (basicCredentials != null) {
			request.header("Authorization", "Basic " + basicCredentials);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> call(PatternHealthStandIn standIn, String pathAndQuery, @Nullable String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + pathAndQuery));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String clientId, String clientSecret) {
		return Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
	}

	private static List<Map<String, Object>> members(int count) {
		return IntStream.range(0, count).<Map<String, Object>>mapToObj((i) -> {
			Map<String, Object> member = new LinkedHashMap<>();
			member.put("id", "m" + i);
			member.put("firstName", "Member " + i);
			return member;
		}).toList();
	}

}
