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

package com.patternhealth.boot.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.client.PatternHealthClient;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthTokenException;
import com.patternhealth.boot.token.TokenState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.autoconfigure.PatternHealthTransport.MEMBERS;
import static com.patternhealth.boot.token.TokenStubs.TOKEN_PATH;
import static com.patternhealth.boot.token.TokenStubs.token;
import static com.patternhealth.boot.token.TokenStubs.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several Pattern Health environments in one application: clients named in configuration
 * and clients made at run time, each with its own token, never sent to another.
 */
class PatternHealthClientsTests {

	@RegisterExtension
	static WireMockExtension acmeHost = StandInServer.create();

	@RegisterExtension
	static WireMockExtension betaHost = StandInServer.create();

	private final ApplicationContextRunner application = PatternHealthTransport.REST_CLIENT
		.application(new ApplicationContextRunner());

	@BeforeEach
	void stub() {
		for (WireMockExtension host : new WireMockExtension[] { acmeHost, betaHost }) {
			stubCredentials(host, "acme-id", "acme-secret", "acme-token");
			stubCredentials(host, "beta-id", "beta-secret", "beta-token");
			host.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		}
	}

	@Test
	void namedClientsOnTwoHostsEachSendTheirOwnTokenToTheirOwnHost() {
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withPropertyValues(named("beta", betaHost, "beta-id", "beta-secret"))
			.run((context) -> {
				PatternHealthClients clients = context.getBean(PatternHealthClients.class);
				assertThat(clients.getNames()).containsExactly("acme", "beta");
				for (int i = 0; i < 3; i++) {
					clients.get("acme").getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
					clients.get("beta")
						.getWebClient()
						.get()
						.uri(MEMBERS)
						.retrieve()
						.bodyToMono(String.class)
						.block(Duration.ofSeconds(30));
				}
				acmeHost.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
				betaHost.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
				acmeHost.verify(3,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer acme-token")));
				betaHost.verify(3,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer beta-token")));
				assertThat(context).doesNotHaveBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME)
					.doesNotHaveBean(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME);
			});
	}

	@Test
	void namedClientsOnOneHostNeverSendEachOthersToken() {
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withPropertyValues(named("beta", acmeHost, "beta-id", "beta-secret"))
			.run((context) -> {
				PatternHealthClients clients = context.getBean(PatternHealthClients.class);
				clients.get("acme").getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
				clients.get("beta").getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
				acmeHost.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization",
						equalTo(basic("acme-id", "acme-secret"))));
				acmeHost.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization",
						equalTo(basic("beta-id", "beta-secret"))));
				acmeHost.verify(1,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer acme-token")));
				acmeHost.verify(1,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer beta-token")));
			});
	}

	@Test
	void a401OrRejectedCredentialsOfOneClientNeverTouchAnother() {
		acmeHost
			.stubFor(get(MEMBERS).withHeader("Authorization", equalTo("Bearer acme-token")).willReturn(unauthorized()));
		betaHost.stubFor(tokenRequest().withHeader("Authorization", equalTo(basic("beta-id", "wrong")))
			.willReturn(aResponse().withStatus(401)));
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withPropertyValues(named("beta", betaHost, "beta-id", "beta-secret"))
			.withPropertyValues(named("gamma", betaHost, "beta-id", "wrong"))
			.run((context) -> {
				PatternHealthClients clients = context.getBean(PatternHealthClients.class);
				clients.get("beta").getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
				TokenState beta = clients.get("beta").getTokenCache().getState();
				assertThat(clients.get("acme").getTokenCache().getAuthorizedClient().getAccessToken().getTokenValue())
					.isEqualTo("acme-token");
				assertThat(clients.get("acme")
					.getTokenCache()
					.replaceRejected(clients.get("acme").getTokenCache().getAuthorizedClient().getAccessToken()))
					.isTrue();
				assertThatExceptionOfType(PatternHealthTokenException.class)
					.isThrownBy(() -> clients.get("gamma").getTokenCache().getAuthorizedClient());
				clients.get("beta").getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
				assertThat(clients.get("beta").getTokenCache().getState()).isEqualTo(beta);
				betaHost.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization",
						equalTo(basic("beta-id", "beta-secret"))));
				betaHost.verify(2,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer beta-token")));
			});
	}

	@Test
	void makesClientsAtRunTimeCachedByCredentialsAndReleasesThem() {
		this.application.withPropertyValues("patternhealth.clients.acme.base-url=" + acmeHost.baseUrl(),
				"patternhealth.clients.acme.client-id=acme-id", "patternhealth.clients.acme.client-secret=acme-secret")
			.run((context) -> {
				PatternHealthClients clients = context.getBean(PatternHealthClients.class);
				URI host = URI.create(betaHost.baseUrl());
				PatternHealthClient first = clients.forCredentials(host, "beta-id", "beta-secret");
				assertThat(clients.forCredentials(host, "beta-id", "beta-secret")).isSameAs(first);
				URI spelledOtherwise = URI
					.create(betaHost.baseUrl().replace("http://localhost", "HTTP://LOCALHOST") + "/");
				assertThat(clients.forCredentials(spelledOtherwise, "beta-id", "beta-secret")).isSameAs(first);
				first.getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
				clients.forCredentials(host, "beta-id", "beta-secret")
					.getRestClient()
					.get()
					.uri(MEMBERS)
					.retrieve()
					.body(String.class);
				betaHost.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
				assertThat(first.getName()).isEqualTo(PatternHealthClients.RUN_TIME);
				assertThat(first.toString()).doesNotContain("beta-secret");
				assertThat(clients.release(host, "beta-id")).isTrue();
				assertThatExceptionOfType(PatternHealthTokenException.class)
					.isThrownBy(() -> first.getTokenCache().getAuthorizedClient())
					.withMessageContaining("is closed");
				PatternHealthClient rotated = clients.forCredentials(host, "beta-id", "beta-secret");
				assertThat(rotated).isNotSameAs(first);
				rotated.getRestClient().get().uri(MEMBERS).retrieve().body(String.class);
				betaHost.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
				assertThat(clients.getRunTimeClientCount()).isOne();
			});
	}

	@Test
	void closesTheTokenCacheOfEveryClientWithTheContext() {
		PatternHealthClient[] made = new PatternHealthClient[2];
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret")).run((context) -> {
			PatternHealthClients clients = context.getBean(PatternHealthClients.class);
			made[0] = clients.get("acme");
			made[1] = clients.forCredentials(URI.create(betaHost.baseUrl()), "beta-id", "beta-secret");
			((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
		});
		for (PatternHealthClient client : made) {
			assertThatExceptionOfType(PatternHealthTokenException.class)
				.isThrownBy(() -> client.getTokenCache().getAuthorizedClient())
				.withMessageContaining("is closed");
		}
	}

	@Test
	void namedClientsTakeTheTokenSettingsOfPatternHealthUnlessTheySetTheirOwn() {
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withPropertyValues(named("beta", betaHost, "beta-id", "beta-secret"))
			.withPropertyValues("patternhealth.token.max-lifetime=10m",
					"patternhealth.clients.beta.token.max-lifetime=20m")
			.run((context) -> {
				PatternHealthClients clients = context.getBean(PatternHealthClients.class);
				// Used until the expiry margin, 2% of the lifetime, remains
				assertThat(lifetime(clients.get("acme")))
					.isEqualTo(Duration.ofMinutes(10).multipliedBy(98).dividedBy(100));
				assertThat(lifetime(clients.get("beta")))
					.isEqualTo(Duration.ofMinutes(20).multipliedBy(98).dividedBy(100));
			});
	}

	@Test
	void namedClientsBackOffBetweenFailedTokenRequestsAsTheirOwnTokenSettingsSay() {
		acmeHost.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		betaHost.stubFor(tokenRequest().willReturn(aResponse().withStatus(503)));
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withPropertyValues(named("beta", betaHost, "beta-id", "beta-secret"))
			.withPropertyValues("patternhealth.token.retry.max-attempts=1",
					"patternhealth.token.retry.round-backoff=1m", "patternhealth.token.retry.max-round-backoff=1m",
					"patternhealth.clients.beta.token.retry.round-backoff=2h",
					"patternhealth.clients.beta.token.retry.max-round-backoff=2h")
			.run((context) -> {
				PatternHealthClients clients = context.getBean(PatternHealthClients.class);
				// Between half and the whole of the round backoff
				assertThat(backoffAfterAFailedRound(clients.get("acme"))).isBetween(Duration.ofSeconds(25),
						Duration.ofMinutes(1));
				assertThat(backoffAfterAFailedRound(clients.get("beta"))).isBetween(Duration.ofMinutes(55),
						Duration.ofHours(2));
			});
	}

	@Test
	void failsToStartNamingTheClientAndThePropertyToSet() {
		this.application
			.withPropertyValues("patternhealth.clients.acme.base-url=" + acmeHost.baseUrl(),
					"patternhealth.clients.acme.client-id=acme-id", "patternhealth.clients.beta.token.timeout=0s",
					named("beta", betaHost, "beta-id", "beta-secret")[0],
					named("beta", betaHost, "beta-id", "beta-secret")[1],
					named("beta", betaHost, "beta-id", "beta-secret")[2])
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("patternhealth.clients.acme.client-secret")
				.hasMessageNotContaining("beta-secret"));
	}

	@Test
	void sendsTheNamedClientsTokenFromItsOwnHttpServiceGroup() {
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withUserConfiguration(AcmeServices.class)
			.run((context) -> {
				assertThat(context.getBean(AcmeApi.class).members()).isEqualTo("{}");
				acmeHost.verify(1,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer acme-token")));
			});
	}

	@Test
	void sendsTheNamedClientsTokenFromItsOwnReactiveHttpServiceGroup() {
		this.application.withPropertyValues(named("acme", acmeHost, "acme-id", "acme-secret"))
			.withUserConfiguration(ReactiveAcmeServices.class)
			.run((context) -> {
				assertThat(context.getBean(ReactiveAcmeApi.class).members().block(Duration.ofSeconds(30)))
					.isEqualTo("{}");
				acmeHost.verify(1,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer acme-token")));
			});
	}

	private static Duration backoffAfterAFailedRound(PatternHealthClient client) {
		assertThatExceptionOfType(PatternHealthTokenException.class)
			.isThrownBy(() -> client.getTokenCache().getAuthorizedClient());
		Instant nextAttempt = client.getTokenCache().getState().nextAttempt();
		assertThat(nextAttempt).isNotNull();
		return Duration.between(Instant.now(), nextAttempt);
	}

	private static Duration lifetime(PatternHealthClient client) {
		client.getTokenCache().getAuthorizedClient();
		TokenState state = client.getTokenCache().getState();
		return Duration.between(state.obtainedAt(), state.expiresAt());
	}

	private static String[] named(String name, WireMockExtension host, String clientId, String clientSecret) {
		String prefix = "patternhealth.clients." + name + ".";
		return new String[] { prefix + "base-url=" + host.baseUrl(), prefix + "client-id=" + clientId,
				prefix + "client-secret=" + clientSecret };
	}

	private static void stubCredentials(WireMockExtension host, String clientId, String clientSecret, String value) {
		host.stubFor(tokenRequest().withHeader("Authorization", equalTo(basic(clientId, clientSecret)))
			.willReturn(token(value, Duration.ofHours(1))));
	}

	private static String basic(String clientId, String clientSecret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
	}

	@HttpExchange
	interface AcmeApi {

		@GetExchange(MEMBERS)
		String members();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "patternhealth-acme", types = AcmeApi.class)
	static class AcmeServices {

	}

	@HttpExchange
	interface ReactiveAcmeApi {

		@GetExchange(MEMBERS)
		Mono<String> members();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "patternhealth-acme", types = ReactiveAcmeApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class ReactiveAcmeServices {

	}

}
