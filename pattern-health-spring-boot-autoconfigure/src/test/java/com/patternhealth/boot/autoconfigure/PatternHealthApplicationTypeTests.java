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

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import com.patternhealth.boot.autoconfigure.service.PatternHealthHttpServiceClientAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In every application type, configuring the starter adds its own beans and nothing else:
 * no web server, no security filter chain, no login, no OAuth2 registration.
 */
class PatternHealthApplicationTypeTests {

	private static final String[] PATTERN_HEALTH = { "patternhealth.base-url=https://api.example.com",
			"patternhealth.client-id=client", "patternhealth.client-secret=secret" };

	private static final String[] HOST_OAUTH2 = {
			"spring.security.oauth2.client.registration.host-api.client-id=host-api-client",
			"spring.security.oauth2.client.registration.host-api.client-secret=host-api-secret",
			"spring.security.oauth2.client.registration.host-api.authorization-grant-type=client_credentials",
			"spring.security.oauth2.client.provider.host-api.token-uri=https://idp.example.com/token" };

	private static final Set<String> STARTER_BEANS = Set.of(PatternHealthAutoConfiguration.class.getName(),
			"patternhealth-" + PatternHealthProperties.class.getName(), "patternHealthAuthorizedClientManagerRegistrar",
			PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME,
			PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME, PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME,
			PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, "patternHealthRestClientHttpServiceGroupConfigurer",
			"patternHealthWebClientHttpServiceGroupConfigurer",
			PatternHealthAutoConfiguration.REQUEST_FACTORIES_BEAN_NAME,
			PatternHealthAutoConfiguration.CONNECTORS_BEAN_NAME,
			configuration(PatternHealthWebClientConfiguration.class),
			configuration(PatternHealthWebClientConfiguration.SingleClientConfiguration.class),
			configuration(PatternHealthRestClientConfiguration.class),
			configuration(PatternHealthRestClientConfiguration.SingleClientConfiguration.class),
			configuration(PatternHealthHttpServiceClientAutoConfiguration.class),
			PatternHealthHttpServiceClientAutoConfiguration.class.getName() + "$RestClientGroupsConfiguration",
			PatternHealthHttpServiceClientAutoConfiguration.class.getName() + "$WebClientGroupsConfiguration",
			PatternHealthAutoConfiguration.CLIENTS_BEAN_NAME);

	private static final AutoConfigurations COMMON = AutoConfigurations.of(
			ConfigurationPropertiesAutoConfiguration.class, JacksonAutoConfiguration.class,
			CodecsAutoConfiguration.class, WebClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
			ReactiveOAuth2ClientAutoConfiguration.class, PatternHealthAutoConfiguration.class,
			PatternHealthHttpServiceClientAutoConfiguration.class);

	@Test
	void nonWebApplicationGetsOnlyTheStartersBeans() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(COMMON);
		assertAddsOnlyTheStartersBeans(runner);
		assertAddsOnlyTheStartersBeans(runner.withPropertyValues(HOST_OAUTH2));
	}

	@Test
	void servletApplicationGetsOnlyTheStartersBeans() {
		WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(COMMON)
			.withConfiguration(AutoConfigurations.of(TomcatServletWebServerAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
					OAuth2ClientWebSecurityAutoConfiguration.class));
		assertAddsOnlyTheStartersBeans(runner);
		assertAddsOnlyTheStartersBeans(runner.withPropertyValues(HOST_OAUTH2));
	}

	@Test
	void reactiveApplicationGetsOnlyTheStartersBeans() {
		ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner().withConfiguration(COMMON)
			.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class,
					HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class,
					ReactiveOAuth2ClientWebSecurityAutoConfiguration.class));
		assertAddsOnlyTheStartersBeans(runner);
		assertAddsOnlyTheStartersBeans(runner.withPropertyValues(HOST_OAUTH2));
	}

	private static <C extends ConfigurableApplicationContext, A extends ApplicationContextAssertProvider<C>> void assertAddsOnlyTheStartersBeans(
			AbstractApplicationContextRunner<?, C, A> runner) {
		AtomicReference<Set<String>> without = new AtomicReference<>();
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			without.set(beanNames(context));
		});
		runner.withPropertyValues(PATTERN_HEALTH).run((context) -> {
			assertThat(context).hasNotFailed();
			Set<String> added = beanNames(context);
			added.removeAll(without.get());
			assertThat(added).containsExactlyInAnyOrderElementsOf(STARTER_BEANS);
			assertThat(without.get()).isSubsetOf(beanNames(context));
		});
	}

	private static String configuration(Class<?> configuration) {
		return configuration.getName();
	}

	private static Set<String> beanNames(ApplicationContext context) {
		return new TreeSet<>(Arrays.asList(context.getBeanDefinitionNames()));
	}

}
