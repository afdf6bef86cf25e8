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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host application's own {@code RestClient} beans, builders and customizers win or
 * coexist with {@code patternHealthRestClient}, and never carry the Pattern Health token.
 */
class PatternHealthHostRestClientTests {

	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void configure() {
		HostFixtures.stub(this.server);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, PatternHealthAutoConfiguration.class))
			.withPropertyValues(HostFixtures.patternHealthProperties(this.server));
	}

	@Test
	void withoutARestClientOfItsOwnTheHostGetsPatternHealthsByPlainInjection() {
		this.contextRunner.withUserConfiguration(ClientUsers.class).run((context) -> {
			assertThat(context).hasNotFailed();
			RestClient patternHealth = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
					RestClient.class);
			assertThat(context.getBean(ClientUser.class).client()).isSameAs(patternHealth);
			assertThat(context.getBean(PatternHealthClientUser.class).client()).isSameAs(patternHealth);
		});
	}

	@Test
	void hostsOwnRestClientIsTheOneInjectedByType() {
		this.contextRunner.withUserConfiguration(HostRestClientConfiguration.class, ClientUsers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RestClient host = context.getBean("hostRestClient", RestClient.class);
				RestClient patternHealth = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
						RestClient.class);
				assertThat(context.getBean(RestClient.class)).isSameAs(host);
				assertThat(context.getBean(ClientUser.class).client()).isSameAs(host);
				assertThat(context.getBean(PatternHealthClientUser.class).client()).isSameAs(patternHealth);
			});
	}

	@Test
	void hostsPrimaryRestClientWinsAmongSeveral() {
		this.contextRunner.withUserConfiguration(HostRestClientsConfiguration.class, ClientUsers.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ClientUser.class).client()).isSameAs(context.getBean("hostPrimary"));
				assertThat(context.getBean(PatternHealthClientUser.class).client())
					.isSameAs(context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME));
			});
	}

	@Test
	void aBeanNamedPatternHealthRestClientReplacesTheStartersClient() {
		this.contextRunner.withUserConfiguration(ReplacingRestClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(RestClient.class);
			assertThat(context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME))
				.isSameAs(ReplacingRestClientConfiguration.CLIENT);
		});
	}

	@Test
	void hostsCustomizerAppliesToThePatternHealthClientButTheInterceptorStaysOnIt() {
		this.contextRunner.withUserConfiguration(HostCustomizerConfiguration.class).run((context) -> {
			callMembers(context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class));
			callMembers(context.getBean(RestClient.Builder.class)
				.baseUrl("http://localhost:" + this.server.getPort())
				.build());
			this.server.verify(2,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("X-Host", equalTo("customizer")));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			this.server.verify(1,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization", absent()));
		});
	}

	@Test
	void hostsSingletonBuilderIsClonedSoTheInterceptorNeverLeaksIntoIt() {
		this.contextRunner.withUserConfiguration(HostBuilderConfiguration.class).run((context) -> {
			RestClient.Builder hostBuilder = context.getBean(RestClient.Builder.class);
			assertThat(hostBuilder).isSameAs(context.getBean("hostRestClientBuilder"));
			callMembers(context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class));
			callMembers(hostBuilder.baseUrl("http://localhost:" + this.server.getPort()).build());
			this.server.verify(2,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("X-Host", equalTo("builder")));
			this.server.verify(1, getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization",
					equalTo("Bearer " + HostFixtures.PATTERN_HEALTH_TOKEN)));
			this.server.verify(1,
					getRequestedFor(urlEqualTo(HostFixtures.MEMBERS_PATH)).withHeader("Authorization", absent()));
		});
	}

	private static void callMembers(RestClient client) {
		assertThat(client.get().uri(HostFixtures.MEMBERS_PATH).retrieve().body(String.class))
			.isEqualTo(HostFixtures.MEMBERS_BODY);
	}

	@Configuration(proxyBeanMethods = false)
	static class HostRestClientConfiguration {

		@Bean
		RestClient hostRestClient() {
			return RestClient.create("https://host.example.com");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostRestClientsConfiguration {

		@Bean
		@Primary
		RestClient hostPrimary() {
			return RestClient.create("https://primary.example.com");
		}

		@Bean
		RestClient hostSecondary() {
			return RestClient.create("https://secondary.example.com");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientUsers {

		@Bean
		ClientUser clientUser(RestClient client) {
			return new ClientUser(client);
		}

		@Bean
		PatternHealthClientUser patternHealthClientUser(@PatternHealth RestClient client) {
			return new PatternHealthClientUser(client);
		}

	}

	record ClientUser(RestClient client) {

	}

	record PatternHealthClientUser(RestClient client) {

	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacingRestClientConfiguration {

		static final RestClient CLIENT = RestClient.create("https://replaced.example.com");

		@Bean
		RestClient patternHealthRestClient() {
			return CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostCustomizerConfiguration {

		@Bean
		RestClientCustomizer hostHeaderCustomizer() {
			return (builder) -> builder.defaultHeader("X-Host", "customizer");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostBuilderConfiguration {

		@Bean
		RestClient.Builder hostRestClientBuilder() {
			return RestClient.builder().defaultHeader("X-Host", "builder");
		}

	}

}
