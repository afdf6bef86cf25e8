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

package com.patternhealth.boot.benchmarks;

import java.time.Duration;
import java.util.Map;

import com.patternhealth.boot.token.PatternHealthAccessTokenResponseExtractor;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One of the reactive clients measured side by side: a {@link WebClient} whose base URL
 * is the loopback server, and what must be closed after it.
 * <p>
 * Contexts stay open until the end of a run: closing one would dispose Reactor Netty's
 * global resources, which every contender shares.
 *
 * @param name the name shown in the report
 * @param webClient the client
 * @param context the application context that holds it
 * @author Pattern Health Spring Boot authors
 */
record Contender(String name, WebClient webClient, ConfigurableApplicationContext context) implements MeasuredClient {

	static final String FIXED_HEADER = "(a) bare WebClient, fixed header";

	static final String SPRING_SECURITY = "(b) Spring Security client_credentials";

	static final String STARTER = "(c) starter patternHealthWebClient";

	/**
	 * (a) The floor: Boot's {@code WebClient.Builder} with a fixed {@code Authorization}
	 * header and no token handling at all.
	 */
	static Contender fixedHeader(ConfigurableApplicationContext host, String baseUrl, String token) {
		WebClient webClient = host.getBean(WebClient.Builder.class)
			.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		return new Contender(FIXED_HEADER, webClient, host);
	}

	/**
	 * (b) Spring Security's client_credentials support wired as its reference
	 * documentation shows for use outside a web request: a
	 * {@link ServerOAuth2AuthorizedClientExchangeFilterFunction} over an
	 * {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}, with the
	 * starter's millisecond body extractor so that tokens live as long as Pattern Health
	 * says. The clock skew is given because Spring's default of 60 seconds would fetch a
	 * token on every call when tokens live a few seconds.
	 */
	static Contender springSecurity(ConfigurableApplicationContext host, String baseUrl, String tokenUri,
			Duration clockSkew) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("pattern-health")
			.clientId(LoopbackPatternHealthServer.CLIENT_ID)
			.clientSecret(LoopbackPatternHealthServer.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri)
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		InMemoryReactiveOAuth2AuthorizedClientService authorizedClients = new InMemoryReactiveOAuth2AuthorizedClientService(
				registrations);
		WebClientReactiveClientCredentialsTokenResponseClient tokenResponseClient = new WebClientReactiveClientCredentialsTokenResponseClient();
		tokenResponseClient.setBodyExtractor(
				new PatternHealthAccessTokenResponseExtractor(registration.getClientId(), Duration.ofMinutes(5)));
		ReactiveOAuth2AuthorizedClientProvider provider = ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((clientCredentials) -> clientCredentials.accessTokenResponseClient(tokenResponseClient)
				.clockSkew(clockSkew))
			.build();
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(provider);
		ServerOAuth2AuthorizedClientExchangeFilterFunction oauth2 = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		oauth2.setDefaultClientRegistrationId(registration.getRegistrationId());
		WebClient webClient = host.getBean(WebClient.Builder.class).baseUrl(baseUrl).filter(oauth2).build();
		return new Contender(SPRING_SECURITY, webClient, host);
	}

	/**
	 * (c) The starter: a fresh application context whose {@code patternHealthWebClient}
	 * is auto-configured from three properties.
	 */
	static Contender starter(String baseUrl) {
		ConfigurableApplicationContext context = BenchmarkApplication
			.start(BenchmarkApplication.patternHealthProperties(baseUrl));
		return new Contender(STARTER, context.getBean("patternHealthWebClient", WebClient.class), context);
	}

	static ConfigurableApplicationContext host() {
		return BenchmarkApplication.start(Map.of());
	}

	@Override
	public void call() {
		Load.call(this.webClient).block(Duration.ofSeconds(10));
	}

	@Override
	public Load.Throughput throughput(int concurrency, Duration warmup, Duration measure) {
		return Load.throughput(this.webClient, concurrency, warmup, measure);
	}

	@Override
	public long burst(int calls) {
		return Load.burst(this.webClient, calls);
	}

	@Override
	public Load.Samples openLoop(int callsPerSecond, Duration duration) {
		return Load.openLoop(this.webClient, callsPerSecond, duration);
	}

}
