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

package com.patternhealth.sample.cli;

import java.net.URI;

import com.patternhealth.boot.test.PatternHealthStandIn;
import com.patternhealth.boot.test.PatternHealthStandInInitializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * A command-line application that lists the members and tasks of a Pattern Health group,
 * then exits. Without {@code patternhealth.base-url} it calls a stand-in started
 * in-process.
 *
 * @author Pattern Health Spring Boot authors
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class CliSampleApplication {

	private static final Log logger = LogFactory.getLog(CliSampleApplication.class);

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CliSampleApplication.class);
		application.addInitializers(new PatternHealthStandInInitializer(PatternHealthStandIn::seedExampleGroup));
		// The runners have listed the group: closing the context stops the stand-in
		application.run(args).close();
	}

	/**
	 * Log each HTTP exchange: Boot's WebClient customizers apply to the Pattern Health
	 * client and to its token requests.
	 */
	@Bean
	WebClientCustomizer requestLogging() {
		return (builder) -> builder.filter(ExchangeFilterFunction.ofResponseProcessor((response) -> {
			logger.info(response.request().getMethod() + " " + pathAndQuery(response.request().getURI()) + " -> "
					+ response.statusCode());
			return Mono.just(response);
		}));
	}

	private static String pathAndQuery(URI uri) {
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

}
