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

import com.patternhealth.boot.token.PatternHealthAccessTokenResponseExtractor;
import org.jspecify.annotations.Nullable;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's client_credentials support, wired by hand as its reference
 * documentation shows for use outside a web request, for Pattern Health's token endpoint:
 * the reactive filter and the blocking interceptor that (b) and (b') add to their
 * clients. The clock skew is given because Spring's default of 60 seconds would fetch a
 * token on every call when tokens live a few seconds.
 *
 * @author Pattern Health Spring Boot authors
 */
final class SpringSecurityWiring {

	static final String REGISTRATION_ID = "pattern-health";

	private SpringSecurityWiring() {
	}

	/**
	 * A {@link ServerOAuth2AuthorizedClientExchangeFilterFunction} over an
	 * {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}, with the
	 * starter's millisecond body extractor so that tokens live as long as Pattern Health
	 * says.
	 * @param tokenUri the token endpoint
	 * @param tokenClient the {@code WebClient} of token requests, or {@code null} for
	 * Spring Security's own
	 * @param clockSkew how long before its expiry a token is fetched again
	 */
	static ServerOAuth2AuthorizedClientExchangeFilterFunction reactiveFilter(String tokenUri,
			@Nullable WebClient tokenClient, Duration clockSkew) {
		ClientRegistration registration = registration(tokenUri);
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		WebClientReactiveClientCredentialsTokenResponseClient tokenResponseClient = new WebClientReactiveClientCredentialsTokenResponseClient();
		if (tokenClient != null) {
			tokenResponseClient.setWebClient(tokenClient);
		}
		tokenResponseClient.setBodyExtractor(
				new PatternHealthAccessTokenResponseExtractor(registration.getClientId(), Duration.ofMinutes(5)));
		ReactiveOAuth2AuthorizedClientProvider provider = ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((clientCredentials) -> clientCredentials.accessTokenResponseClient(tokenResponseClient)
				.clockSkew(clockSkew))
			.build();
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(provider);
		ServerOAuth2AuthorizedClientExchangeFilterFunction filter = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		filter.setDefaultClientRegistrationId(REGISTRATION_ID);
		return filter;
	}

	/**
	 * An {@link OAuth2ClientHttpRequestInterceptor} over an
	 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}, which drops a token
	 * that the API rejects, and a {@link RestClientClientCredentialsTokenResponseClient}
	 * that reads {@code expires_in} as milliseconds.
	 * @param tokenUri the token endpoint
	 * @param tokenClients a builder of the {@code RestClient} of token requests
	 * @param clockSkew how long before its expiry a token is fetched again
	 */
	static OAuth2ClientHttpRequestInterceptor blockingInterceptor(String tokenUri, RestClient.Builder tokenClients,
			Duration clockSkew) {
		ClientRegistration registration = registration(tokenUri);
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		InMemoryOAuth2AuthorizedClientService authorizedClients = new InMemoryOAuth2AuthorizedClientService(
				registrations);
		RestClientClientCredentialsTokenResponseClient tokenResponseClient = new RestClientClientCredentialsTokenResponseClient();
		tokenResponseClient.setRestClient(tokenClients
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
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION_ID);
		interceptor.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
		return interceptor;
	}

	private static ClientRegistration registration(String tokenUri) {
		return ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(LoopbackPatternHealthServer.CLIENT_ID)
			.clientSecret(LoopbackPatternHealthServer.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri)
			.build();
	}

}
