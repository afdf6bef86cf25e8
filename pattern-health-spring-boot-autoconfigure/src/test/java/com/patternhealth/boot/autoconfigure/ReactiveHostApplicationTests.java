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
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractHostApplicationTests} on a real WebFlux application.
 */
@SpringBootTest(classes = ReactiveHostApplicationTests.ReactiveHostApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class ReactiveHostApplicationTests extends AbstractHostApplicationTests {

	@Autowired
	private ObjectProvider<ReactiveOAuth2AuthorizedClientManager> managers;

	@Override
	void assertAuthorizedClientManagers() {
		assertThat(this.managers.getIfUnique()).isInstanceOf(DefaultReactiveOAuth2AuthorizedClientManager.class);
		assertThat(this.context.getBeanProvider(ReactiveOAuth2AuthorizedClientManager.class).getIfUnique())
			.isInstanceOf(DefaultReactiveOAuth2AuthorizedClientManager.class);
		assertThat(this.context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME)).isNotNull();
		assertThat(this.context.getBean(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME))
			.isInstanceOf(PatternHealthAuthorizedClientManager.class);
	}

	@Override
	Iterable<ClientRegistration> registrations() {
		return this.context.getBean(InMemoryReactiveClientRegistrationRepository.class);
	}

	@Override
	Class<?> securityFilterChainType() {
		return SecurityWebFilterChain.class;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HostController.class)
	static class ReactiveHostApplication {

		@Bean
		SecurityWebFilterChain hostChain(ServerHttpSecurity http) {
			http.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/public/**", "/host-api/**", "/pattern-health/**")
						.permitAll()
						.anyExchange()
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
		Mono<String> hello() {
			return Mono.just("hello from the host");
		}

		@GetMapping("/private")
		Mono<String> secret() {
			return Mono.just("secret");
		}

		@GetMapping("/host-api/token")
		Mono<String> hostApiToken(@RegisteredOAuth2AuthorizedClient("host-api") OAuth2AuthorizedClient client) {
			return Mono.just(client.getAccessToken().getTokenValue() + " valid for "
					+ Duration.between(client.getAccessToken().getIssuedAt(), client.getAccessToken().getExpiresAt())
						.toSeconds()
					+ " s");
		}

		@GetMapping("/pattern-health/members")
		Mono<String> members() {
			return this.patternHealth.get().uri(HostFixtures.MEMBERS_PATH).retrieve().bodyToMono(String.class);
		}

	}

}
