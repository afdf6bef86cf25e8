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

import java.net.URI;
import java.time.Duration;

import com.patternhealth.boot.autoconfigure.service.PatternHealthHttpServiceClientAutoConfiguration;
import com.patternhealth.boot.web.PatternHealth;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The four ways an application calls Pattern Health: the {@code WebClient}, the
 * {@code RestClient}, and its own HTTP service interfaces in the {@code patternhealth}
 * group on either. Each names one call and one application to make it in.
 */
enum PatternHealthTransport {

	WEB_CLIENT {

		@Override
		Mono<String> call(ApplicationContext context, Request request) {
			WebClient client = context.getBean(PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, WebClient.class);
			return (request.body() != null)
					? client.post()
						.uri(request.uri().toString())
						.bodyValue(request.body())
						.retrieve()
						.bodyToMono(String.class)
					: client.get().uri(request.uri().toString()).retrieve().bodyToMono(String.class);
		}

	},

	REST_CLIENT {

		@Override
		Mono<String> call(ApplicationContext context, Request request) {
			RestClient client = context.getBean(PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, RestClient.class);
			return blocking(() -> (request.body() != null)
					? client.post().uri(request.uri().toString()).body(request.body()).retrieve().body(String.class)
					: client.get().uri(request.uri().toString()).retrieve().body(String.class));
		}

	},

	WEB_CLIENT_SERVICE {

		@Override
		ApplicationContextRunner application(ApplicationContextRunner runner) {
			return super.application(runner).withUserConfiguration(WebClientServices.class);
		}

		@Override
		Mono<String> call(ApplicationContext context, Request request) {
			ReactiveMembersApi api = context.getBean(ReactiveMembersApi.class);
			if (request.body() != null) {
				return api.create(request.body());
			}
			return request.uri().isAbsolute() ? api.get(request.uri()) : api.members();
		}

	},

	REST_CLIENT_SERVICE {

		@Override
		ApplicationContextRunner application(ApplicationContextRunner runner) {
			return super.application(runner).withUserConfiguration(RestClientServices.class);
		}

		@Override
		Mono<String> call(ApplicationContext context, Request request) {
			MembersApi api = context.getBean(MembersApi.class);
			if (request.body() != null) {
				return blocking(() -> api.create(request.body()));
			}
			return blocking(() -> request.uri().isAbsolute() ? api.get(request.uri()) : api.members());
		}

	};

	static final String MEMBERS = "/api/v1/groups/g/members";

	static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(WebClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class,
			ReactiveHttpServiceClientAutoConfiguration.class, PatternHealthAutoConfiguration.class,
			PatternHealthHttpServiceClientAutoConfiguration.class);

	/**
	 * Return an application in which this transport reaches Pattern Health. Its
	 * {@code RestClient} runs on the JDK's HTTP client: on Reactor Netty, which Spring
	 * Boot would detect first, concurrent requests with a body can stall (Spring
	 * Framework issue 34707), whatever sends them.
	 */
	ApplicationContextRunner application(ApplicationContextRunner runner) {
		return runner.withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("spring.http.clients.imperative.factory=jdk");
	}

	/**
	 * Make the given request: reactive transports return their own {@code Mono}, blocking
	 * ones block a thread of Reactor's bounded elastic pool.
	 */
	abstract Mono<String> call(ApplicationContext context, Request request);

	String call(ApplicationContext context, String uri) {
		return call(context, new Request(URI.create(uri), null)).block(Duration.ofSeconds(30));
	}

	private static Mono<String> blocking(java.util.concurrent.Callable<String> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * A GET of the members, of an absolute URI, or a POST of a body to the members.
	 */
	record Request(URI uri, String body) {

		static Request members() {
			return new Request(URI.create(MEMBERS), null);
		}

		static Request create(String body) {
			return new Request(URI.create(MEMBERS), body);
		}

	}

	@HttpExchange
	interface MembersApi {

		@GetExchange(MEMBERS)
		String members();

		@PostExchange(MEMBERS)
		String create(@RequestBody String member);

		@GetExchange
		String get(URI url);

	}

	@HttpExchange
	interface ReactiveMembersApi {

		@GetExchange(MEMBERS)
		Mono<String> members();

		@PostExchange(MEMBERS)
		Mono<String> create(@RequestBody String member);

		@GetExchange
		Mono<String> get(URI url);

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = PatternHealth.HTTP_SERVICE_GROUP, types = MembersApi.class)
	static class RestClientServices {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = PatternHealth.HTTP_SERVICE_GROUP, types = ReactiveMembersApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class WebClientServices {

	}

}
