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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.testfixtures.StandInServer;
import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.token.PatternHealthTokenCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.patternhealth.boot.token.TokenStubs.stubTokens;
import static com.patternhealth.boot.token.TokenStubs.tokenRequests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing describes every bean of the starter in generated code (an
 * instance supplier would make it fail), and the context started from that code calls
 * Pattern Health as the regular one does.
 */
class PatternHealthAotTests {

	private static final String MEMBERS = "/api/v1/groups/g/members";

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@Test
	@CompileWithForkedClassLoader
	void generatedContextCallsPatternHealthWithOneTokenRequest() {
		stubTokens(server, Duration.ofHours(1), "token-1");
		server.stubFor(get(MEMBERS).willReturn(okJson("{}")));
		AnnotationConfigApplicationContext context = configured(new AnnotationConfigApplicationContext());
		context.register(PatternHealthApplication.class);
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName className = new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericApplicationContext fresh = configured(new GenericApplicationContext());
			compiled.getInstance(ApplicationContextInitializer.class, className.toString()).initialize(fresh);
			fresh.refresh();
			try {
				assertThat(fresh.getBean("patternHealthTokenCache")).isInstanceOf(PatternHealthTokenCache.class);
				assertThat(fresh.getBean("patternHealthAuthorizedClientManager"))
					.isInstanceOf(PatternHealthAuthorizedClientManager.class);
				RestClient restClient = fresh.getBean("patternHealthRestClient", RestClient.class);
				WebClient webClient = fresh.getBean("patternHealthWebClient", WebClient.class);
				assertThat(restClient.get().uri(MEMBERS).retrieve().body(String.class)).isEqualTo("{}");
				assertThat(
						webClient.get().uri(MEMBERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)))
					.isEqualTo("{}");
				assertThat(tokenRequests(server)).isOne();
				server.verify(2,
						getRequestedFor(urlEqualTo(MEMBERS)).withHeader("Authorization", equalTo("Bearer token-1")));
			}
			finally {
				fresh.close();
			}
		});
	}

	private static <C extends GenericApplicationContext> C configured(C context) {
		TestPropertyValues
			.of("patternhealth.base-url=" + server.baseUrl(), "patternhealth.client-id=client-7",
					"patternhealth.client-secret=secret")
			.applyTo(context);
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			PatternHealthAutoConfiguration.class })
	static class PatternHealthApplication {

	}

}
