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

package com.patternhealth.sample.webmvc;

import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Spring MVC sample on its own class path, which holds neither Spring WebFlux
 * nor Reactor: the starter works with RestClient alone. Pages of two make it follow
 * {@code nextPage} links.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = "sample.page-size=2")
class WithoutWebFluxTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PatternHealthStandIn embeddedStandIn;

	@Test
	void callsPatternHealthWithOneTokenWithoutWebFluxOrReactorNetty() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClient", classLoader))
			.isFalse();
		assertThat(ClassUtils.isPresent("reactor.netty.http.client.HttpClient", classLoader)).isFalse();
		assertThat(ClassUtils.isPresent("reactor.core.publisher.Mono", classLoader)).isFalse();
		assertThat(this.context.containsBean("patternHealthWebClient")).isFalse();
		assertThat(this.context.containsBean("patternHealthRestClient")).isTrue();
		assertThat(requestFactory(this.context.getBean(RestClient.Builder.class).build()))
			.as("the application's own RestClient stays on what Boot picks without the starter")
			.isInstanceOf(JdkClientHttpRequestFactory.class);
		Object patternHealthRequestFactory = requestFactory(
				this.context.getBean("patternHealthRestClient", RestClient.class));
		assertThat(patternHealthRequestFactory).isNotNull()
			.extracting((factory) -> factory.getClass().getSimpleName())
			.as("the starter's request factory, around the library's")
			.isEqualTo("PatternHealthClientHttpRequestFactory");
		assertThat(ReflectionTestUtils.getField(patternHealthRequestFactory, "requestFactory"))
			.isInstanceOf(JdkClientHttpRequestFactory.class);
		String summary = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/groups/{group}/summary", PatternHealthStandIn.EXAMPLE_GROUP_ID)
			.retrieve()
			.body(String.class);
		assertThat(summary).contains(
				"\"members\":[\"Ada Lovelace\",\"Grace Hopper\",\"Alan Turing\",\"Katherine Johnson\",\"Edsger Dijkstra\"]",
				"\"tasksByStatus\":{\"COMPLETE\":3,\"INCOMPLETE\":2,\"SCHEDULED\":2}");
		assertThat(this.embeddedStandIn.tokenRequestCount()).isEqualTo(1);
		assertThat(this.embeddedStandIn.apiRequestCount()).as("3 pages of members and 4 of tasks").isEqualTo(7);
		assertThat(this.embeddedStandIn.lastAuthorizationHeader()).startsWith("Bearer stand-in-");
	}

	private static Object requestFactory(RestClient client) {
		return ReflectionTestUtils.getField(client.mutate(), "requestFactory");
	}

}
