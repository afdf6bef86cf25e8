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

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host application's own beans win over the starter's, or live beside them, as a
 * Spring Boot user expects; and the starter's bearer filter never reaches the host's
 * clients.
 */
class PatternHealthHostBeansTests {

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void configure() {
		HostFixtures.stub(this.server);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class))
			.withPropertyValues(HostFixtures.patternHealthProperties(this.server));
	}

	@Test
	void hostsOwnWebClientIsTheOneInjectedByType() {
		this.contextRunner.withUserConfiguration(HostWebClientConfiguration.class, ClientUsers.class).run((context) -> {
			assertThat(context).hasNotFailed();
			WebClient host = context.getBean("hostWebClient", WebClient.class);
			WebClient patternHealth = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME,
					WebClient.class);
			assertThat(patternHealth).isNotSameAs(host);
			assertThat(context.getBean(WebClient.class)).isSameAs(host);
			assertThat(context.getBean(ClientUser.class).client()).isSameAs(host);
			assertThat(context.getBean(PatternHealthClientUser.class).client()).isSameAs(patternHealth);
		});
	}

	@Test
	void hostsPrimaryWebClientWinsAmongSeveral() {
		this.contextRunner.withUserConfiguration(HostWebClientsConfiguration.class, ClientUsers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ClientUser.class).client()).isSameAs(context.getBean("hostPrimary"));
				assertThat(context.getBean(PatternHealthClientUser.class).client())
					.isSameAs(context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME));
			});
	}

	@Test
	void aBeanNamedPatternHealthWebClientReplacesTheStartersClient() {
		this.contextRunner.withUserConfiguration(ReplacingWebClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(WebClient.class);
			assertThat(context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME))
				.isSameAs(ReplacingWebClientConfiguration.CLIENT);
		});
	}

	@Test
	void aBeanNamedPatternHealthAuthorizedClientManagerReplacesTheStartersManager() {
		this.contextRunner.withUserConfiguration(ReplacingManagerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
				.doesNotHaveBean(PatternHealthAuthorizedClientManager.class);
			callMembers(context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer replaced-token")));
			this.server.verify(0, postRequestedFor(urlEqualTo("/api/auth/token")));
		});
	}

	@Test
	void hostsOwnManagerIsTheOneInjectedByTypeAndTheStartersStillServesPatternHealth() {
		this.contextRunner.withUserConfiguration(HostManagerConfiguration.class, ManagerUsers.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ManagerUser.class).manager()).isSameAs(context.getBean("hostManager"));
			assertThat(context.getBean(ReactiveOAuth2AuthorizedClientManager.class))
				.isSameAs(context.getBean("hostManager"));
			assertThat(context.getBean(PatternHealthManagerUser.class).manager())
				.isInstanceOf(PatternHealthAuthorizedClientManager.class);
			callMembers(context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
		});
	}

	@Test
	void hostsCustomizerAppliesToThePatternHealthClientButTheBearerFilterStaysOnIt() {
		this.contextRunner.withUserConfiguration(HostCustomizerConfiguration.class).run((context) -> {
			callMembers(context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class));
			WebClient hostClient = context.getBean(WebClient.Builder.class)
				.baseUrl("http://localhost:" + this.server.getPort())
				.build();
			callMembers(hostClient);
			this.server.verify(2,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("X-Host", equalTo("customizer")));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			this.server.verify(1,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization", absent()));
			this.server.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
		});
	}

	@Test
	void hostsSingletonBuilderIsClonedSoTheBearerFilterNeverLeaksIntoIt() {
		this.contextRunner.withUserConfiguration(HostBuilderConfiguration.class).run((context) -> {
			WebClient.Builder hostBuilder = context.getBean(WebClient.Builder.class);
			assertThat(hostBuilder).isSameAs(context.getBean("hostWebClientBuilder"));
			callMembers(context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class));
			callMembers(hostBuilder.baseUrl("http://localhost:" + this.server.getPort()).build());
			this.server.verify(2,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("X-Host", equalTo("builder")));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			this.server.verify(1,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization", absent()));
		});
	}

	private static void callMembers(WebClient client) {
		String body = client.get()
			.uri(HostFixtures.MEMBERS_PATH)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
		assertThat(body).isEqualTo(HostFixtures.MEMBERS_BODY);
	}

	@Configuration(proxyBeanMethods = false)
	static class HostWebClientConfiguration {

		@Bean
		WebClient hostWebClient() {
			return WebClient.create("https://host.example.com");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostWebClientsConfiguration {

		@Bean
		@Primary
		WebClient hostPrimary() {
			return WebClient.create("https://primary.example.com");
		}

		@Bean
		WebClient hostSecondary() {
			return WebClient.create("https://secondary.example.com");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientUsers {

		@Bean
		ClientUser clientUser(WebClient client) {
			return new ClientUser(client);
		}

		@Bean
		PatternHealthClientUser patternHealthClientUser(@PatternHealth WebClient client) {
			return new PatternHealthClientUser(client);
		}

	}

	record ClientUser(WebClient client) {

	}

	record PatternHealthClientUser(WebClient client) {

	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacingWebClientConfiguration {

		static final WebClient CLIENT = WebClient.create("https://replaced.example.com");

		@Bean
		WebClient patternHealthWebClient() {
			return CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacingManagerConfiguration {

		@Bean
		ReactiveOAuth2AuthorizedClientManager patternHealthAuthorizedClientManager() {
			return (request) -> Mono.just(authorizedClient("replaced-token"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostManagerConfiguration {

		@Bean
		ReactiveOAuth2AuthorizedClientManager hostManager() {
			return (request) -> Mono.just(authorizedClient("host-token"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManagerUsers {

		@Bean
		ManagerUser managerUser(ReactiveOAuth2AuthorizedClientManager manager) {
			return new ManagerUser(manager);
		}

		@Bean
		PatternHealthManagerUser patternHealthManagerUser(
				@PatternHealth ReactiveOAuth2AuthorizedClientManager manager) {
			return new PatternHealthManagerUser(manager);
		}

	}

	record ManagerUser(ReactiveOAuth2AuthorizedClientManager manager) {

	}

	record PatternHealthManagerUser(ReactiveOAuth2AuthorizedClientManager manager) {

	}

	@Configuration(proxyBeanMethods = false)
	static class HostCustomizerConfiguration {

		@Bean
		WebClientCustomizer hostHeaderCustomizer() {
			return (builder) -> builder.defaultHeader("X-Host", "customizer");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostBuilderConfiguration {

		@Bean
		WebClient.Builder hostWebClientBuilder() {
			return WebClient.builder().defaultHeader("X-Host", "builder");
		}

	}

	static OAuth2AuthorizedClient authorizedClient(String tokenValue) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("replaced")
			.clientId("replaced")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("https://replaced.example.com/token")
			.build();
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(registration, "replaced", new OAuth2AccessToken(
				OAuth2AccessToken.TokenType.BEARER, tokenValue, now, now.plus(Duration.ofHours(1))));
	}

}
