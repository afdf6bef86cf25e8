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

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet host that configures Spring Security's OAuth2 client itself keeps all of it
 * when the Pattern Health starter is configured beside it.
 */
class PatternHealthServletOAuth2ClientCoexistenceTests
		extends AbstractOAuth2ClientCoexistenceTests<WebApplicationContextRunner> {

	@Override
	WebApplicationContextRunner hostContextRunner() {
		return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class,
				WebClientAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
				OAuth2ClientWebSecurityAutoConfiguration.class, PatternHealthAutoConfiguration.class));
	}

	@Test
	void keepsAllOfTheHostsRegistrationsAndAddsNoneOfItsOwn() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server)).run((context) -> {
			assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
			InMemoryClientRegistrationRepository repository = context
				.getBean(InMemoryClientRegistrationRepository.class);
			assertThat(HostFixtures.registrationIds(repository)).containsExactlyInAnyOrder("host-login", "host-api");
			assertThat(repository.findByRegistrationId(PatternHealthAuthorizedClientManager.REGISTRATION_ID)).isNull();
		});
	}

	@Test
	void springSecuritysDefaultManagerServesTheHostsClientCredentialsRegistrationWithSecondsExpiry() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server)).run((context) -> {
			OAuth2AuthorizedClientManager manager = context.getBean(OAuth2AuthorizedClientManager.class);
			OAuth2AuthorizedClient client = manager
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("host-api")
					.principal("host-user")
					.attribute(HttpServletRequest.class.getName(), new MockHttpServletRequest())
					.attribute(HttpServletResponse.class.getName(), new MockHttpServletResponse())
					.build());
			assertIssuedByTheHostsProvider(client);
		});
	}

	@Test
	void noInjectedLookupOfAReactiveManagerFindsTheStartersOne() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.withUserConfiguration(ReactiveManagerLookupConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(ReactiveManagerLookup.class).managers().getIfUnique()).isNull();
				assertThat(context.getBean(ReactiveManagerLookup.class).managers().getIfAvailable()).isNull();
			});
	}

	@Test
	void hostsOwnSecurityFilterChainIsTheOnlyOne() {
		this.contextRunner.withPropertyValues(HostFixtures.hostOAuth2Properties(this.server))
			.withUserConfiguration(HostSecurityConfiguration.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.containsOnlyKeys("hostChain"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveManagerLookupConfiguration {

		@Bean
		ReactiveManagerLookup reactiveManagerLookup(ObjectProvider<ReactiveOAuth2AuthorizedClientManager> managers) {
			return new ReactiveManagerLookup(managers);
		}

	}

	record ReactiveManagerLookup(ObjectProvider<ReactiveOAuth2AuthorizedClientManager> managers) {

	}

	@Configuration(proxyBeanMethods = false)
	static class HostSecurityConfiguration {

		@Bean
		SecurityFilterChain hostChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
