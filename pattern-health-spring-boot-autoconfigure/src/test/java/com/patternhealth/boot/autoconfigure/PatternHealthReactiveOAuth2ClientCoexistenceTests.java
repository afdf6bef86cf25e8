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

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux host that configures Spring Security's OAuth2 client itself keeps all of it
 * when the Pattern Health starter is configured beside it.
 */
class PatternHealthReactiveOAuth2ClientCoexistenceTests
		extends AbstractOAuth2ClientCoexistenceTests<ReactiveWebApplicationContextRunner> {

	@Override
	ReactiveWebApplicationContextRunner hostContextRunner() {
		return new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, WebClientAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
					ReactiveOAuth2ClientAutoConfiguration.class, ReactiveOAuth2ClientWebSecurityAutoConfiguration.class,
					PatternHealthAutoConfiguration.class));
	}

	@Test
	void keepsAllOfTheHostsRegistrationsAndAddsNoneOfItsOwn() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server)).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class);
			InMemoryReactiveClientRegistrationRepository repository = context
				.getBean(InMemoryReactiveClientRegistrationRepository.class);
			assertThat(HostFixtures.registrationIds(repository)).containsExactlyInAnyOrder("host-login", "host-api");
			assertThat(repository.findByRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID).block())
				.isNull();
		});
	}

	@Test
	void springSecurityStillRegistersItsDefaultManagerForTheHostsRegistrations() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.withUserConfiguration(ManagerLookupConfiguration.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(ReactiveOAuth2AuthorizedClientManager.class)).hasSize(2)
					.containsKey(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME);
				ReactiveOAuth2AuthorizedClientManager injected = context.getBean(ManagerLookup.class).unique();
				assertThat(injected).isInstanceOf(DefaultReactiveOAuth2AuthorizedClientManager.class);
				assertThat(context.getBeanProvider(ReactiveOAuth2AuthorizedClientManager.class).getIfUnique())
					.isSameAs(injected);
				assertThat(context.getBean(ReactiveOAuth2AuthorizedClientManager.class)).isSameAs(injected);
				assertThat(context.getBean(ManagerLookup.class).patternHealth())
					.isSameAs(context.getBean(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME))
					.isInstanceOf(PatternHealthAuthorizedClientManager.class);
			});
	}

	@Test
	void springSecuritysDefaultManagerServesTheHostsClientCredentialsRegistrationWithSecondsExpiry() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.withUserConfiguration(ManagerLookupConfiguration.class)
			.run((context) -> {
				ReactiveOAuth2AuthorizedClientManager manager = context.getBean(ManagerLookup.class).unique();
				ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
				OAuth2AuthorizedClient client = manager
					.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("host-api")
						.principal("host-user")
						.attribute(ServerWebExchange.class.getName(), exchange)
						.build())
					.block(Duration.ofSeconds(10));
				assertIssuedByTheHostsProvider(client);
			});
	}

	@Test
	void hostsOwnSecurityWebFilterChainIsTheOnlyOne() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.withUserConfiguration(HostSecurityConfiguration.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("hostChain"));
	}

	@Test
	void withoutHostRegistrationsNoInjectedLookupByTypeFindsTheStartersManager() {
		this.contextRunner.withUserConfiguration(ManagerLookupConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(ReactiveClientRegistrationRepository.class);
			assertThat(context.getBean(ManagerLookup.class).unique()).isNull();
			assertThat(context.getBean(ManagerLookup.class).available()).isNull();
			assertThat(context.getBean(ManagerLookup.class).patternHealth())
				.isInstanceOf(PatternHealthAuthorizedClientManager.class);
		});
	}

	@Test
	void aProgrammaticLookupByTypeFindsTheStartersManagerOnlyWhenNoOtherExists() {
		// BeanFactory.getBeanProvider(Class) and getBean(Class) return the only bean of a
		// type whatever its default-candidate flag; injection points do not.
		this.contextRunner.run((context) -> assertThat(
				context.getBeanProvider(ReactiveOAuth2AuthorizedClientManager.class).getIfUnique())
			.isInstanceOf(PatternHealthAuthorizedClientManager.class));
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.run((context) -> assertThat(
					context.getBeanProvider(ReactiveOAuth2AuthorizedClientManager.class).getIfUnique())
				.isInstanceOf(DefaultReactiveOAuth2AuthorizedClientManager.class));
	}

	@Test
	void aPlainManagerBeanWouldTakeSpringSecuritysDefaultManagerAway() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.withUserConfiguration(PlainManagerBeanConfiguration.class)
			.run((context) -> assertThat(context.getBeansOfType(ReactiveOAuth2AuthorizedClientManager.class))
				.containsOnlyKeys("plainManager", PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME));
	}

	@Configuration(proxyBeanMethods = false)
	static class ManagerLookupConfiguration {

		@Bean
		ManagerLookup managerLookup(ObjectProvider<ReactiveOAuth2AuthorizedClientManager> managers,
				@PatternHealth ObjectProvider<ReactiveOAuth2AuthorizedClientManager> patternHealth) {
			return new ManagerLookup(managers, patternHealth);
		}

	}

	record ManagerLookup(ObjectProvider<ReactiveOAuth2AuthorizedClientManager> managers,
			ObjectProvider<ReactiveOAuth2AuthorizedClientManager> patternHealthManagers) {

		ReactiveOAuth2AuthorizedClientManager unique() {
			return this.managers.getIfUnique();
		}

		ReactiveOAuth2AuthorizedClientManager available() {
			return this.managers.getIfAvailable();
		}

		ReactiveOAuth2AuthorizedClientManager patternHealth() {
			return this.patternHealthManagers.getObject();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HostSecurityConfiguration {

		@Bean
		SecurityWebFilterChain hostChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchange) -> exchange.anyExchange().permitAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainManagerBeanConfiguration {

		@Bean(defaultCandidate = false)
		ReactiveOAuth2AuthorizedClientManager plainManager() {
			return (request) -> Mono.empty();
		}

	}

}
