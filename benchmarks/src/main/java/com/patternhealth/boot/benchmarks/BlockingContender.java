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

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * One of the blocking clients measured side by side: a {@link RestClient} whose base URL
 * is the loopback server, and the context that holds it. Every one is built from Spring
 * Boot's {@code RestClient.Builder} of a {@link BenchmarkApplication}, on the JDK's
 * {@code HttpClient}.
 *
 * @param name the name shown in the report
 * @param restClient the client
 * @param context the application context that holds it
 * @author Pattern Health Spring Boot authors
 */
record BlockingContender(String name, RestClient restClient,
		ConfigurableApplicationContext context) implements MeasuredClient {

	static final String FIXED_HEADER = "(a') bare RestClient, fixed header";

	static final String SPRING_SECURITY = "(b') Spring Security client_credentials, RestClient";

	static final String STARTER = "(c') starter patternHealthRestClient";

	/**
	 * (a') The floor: Boot's {@code RestClient.Builder} with a fixed
	 * {@code Authorization} header and no token handling at all.
	 */
	static BlockingContender fixedHeader(ConfigurableApplicationContext host, String baseUrl, String token) {
		return fixedHeader(FIXED_HEADER, host, baseUrl, token);
	}

	static BlockingContender fixedHeader(String name, ConfigurableApplicationContext host, String baseUrl,
			String token) {
		RestClient restClient = host.getBean(RestClient.Builder.class)
			.baseUrl(baseUrl)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
		return new BlockingContender(name, restClient, host);
	}

	/**
	 * (b') Spring Security's blocking client_credentials support wired as its reference
	 * documentation shows for use outside a web request: an
	 * {@link OAuth2ClientHttpRequestInterceptor} over an
	 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, which drops a token
	 * that the API rejects, and a {@link RestClientClientCredentialsTokenResponseClient}
	 * whose {@code RestClient}, from Boot's builder, reads {@code expires_in} as
	 * milliseconds. The clock skew is given because Spring's default of 60 seconds would
	 * fetch a token on every call when tokens live a few seconds.
	 */
	static BlockingContender springSecurity(ConfigurableApplicationContext host, String baseUrl, String tokenUri,
			Duration clockSkew) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("pattern-health")
			.clientId(LoopbackPatternHealthServer.CLIENT_ID)
			.clientSecret(LoopbackPatternHealthServer.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri)
			.build();
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		InMemoryOAuth2AuthorizedClientService authorizedClients = new InMemoryOAuth2AuthorizedClientService(
				registrations);
		RestClientClientCredentialsTokenResponseClient tokenResponseClient = new RestClientClientCredentialsTokenResponseClient();
		tokenResponseClient.setRestClient(host.getBean(RestClient.Builder.class)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(MillisecondExpiresInConverter.httpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((clientCredentials) -> clientCredentials.accessTokenResponseClient(tokenResponseClient)
				.clockSkew(clockSkew))
			.build();
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(provider);
		OAuth2ClientHttpRequestInterceptor oauth2 = new OAuth2ClientHttpRequestInterceptor(manager);
		oauth2.setClientRegistrationIdResolver((request) -> registration.getRegistrationId());
		oauth2.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
		RestClient restClient = host.getBean(RestClient.Builder.class)
			.baseUrl(baseUrl)
			.requestInterceptor(oauth2)
			.build();
		return new BlockingContender(SPRING_SECURITY, restClient, host);
	}

	/**
	 * (c') The starter: a fresh application context whose {@code patternHealthRestClient}
	 * is auto-configured from three properties.
	 */
	static BlockingContender starter(String baseUrl) {
		ConfigurableApplicationContext context = BenchmarkApplication
			.start(BenchmarkApplication.patternHealthProperties(baseUrl));
		return new BlockingContender(STARTER, context.getBean("patternHealthRestClient", RestClient.class), context);
	}

	@Override
	public void call() {
		BlockingLoad.call(this.restClient);
	}

	@Override
	public Load.Throughput throughput(int concurrency, Duration warmup, Duration measure) {
		return BlockingLoad.throughput(this.restClient, concurrency, warmup, measure);
	}

	@Override
	public long burst(int calls) {
		return BlockingLoad.burst(this.restClient, calls);
	}

	@Override
	public Load.Samples openLoop(int callsPerSecond, Duration duration) {
		return BlockingLoad.openLoop(this.restClient, callsPerSecond, duration);
	}

}
