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

import com.patternhealth.boot.web.PatternHealth;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractHostApplicationTests} on a real Spring MVC application.
 */
@SpringBootTest(classes = ServletHostApplicationTests.ServletHostApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=servlet")
class ServletHostApplicationTests extends AbstractHostApplicationTests {

	@Override
	void assertAuthorizedClientManagers() {
		assertThat(this.context.getBean(OAuth2AuthorizedClientManager.class))
			.isInstanceOf(DefaultOAuth2AuthorizedClientManager.class);
	}

	@Override
	Iterable<ClientRegistration> registrations() {
		return this.context.getBean(InMemoryClientRegistrationRepository.class);
	}

	@Override
	Class<?> securityFilterChainType() {
		return SecurityFilterChain.class;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HostController.class)
	static class ServletHostApplication {

		@Bean
		SecurityFilterChain hostChain(HttpSecurity http) {
			http.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/public/**", "/host-api/**", "/pattern-health/**", "/error")
						.permitAll()
						.anyRequest()
						.authenticated());
			http.oauth2Login(Customizer.withDefaults());
			http.oauth2Client(Customizer.withDefaults());
			return http.build();
		}

	}

	@RestController
	static class HostController {

		private final WebClient patternHealth;

		HostController(@PatternHealth WebClient patternHealth) {
			this.patternHealth = patternHealth;
		}

		@GetMapping("/public/hello")
		String hello() {
			return "hello from the host";
		}

		@GetMapping("/private")
		String secret() {
			return "secret";
		}

		@GetMapping("/host-api/token")
		String hostApiToken(@RegisteredOAuth2AuthorizedClient("host-api") OAuth2AuthorizedClient client) {
			return client.getAccessToken().getTokenValue() + " valid for "
					+ Duration.between(client.getAccessToken().getIssuedAt(), client.getAccessToken().getExpiresAt())
						.toSeconds()
					+ " s";
		}

		@GetMapping("/pattern-health/members")
		String members() {
			return this.patternHealth.get()
				.uri(HostFixtures.MEMBERS_PATH)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
		}

	}

}
