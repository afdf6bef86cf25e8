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
import com.patternhealth.boot.test.PatternHealthStandInInitializer;
import com.patternhealth.boot.web.PatternHealth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A Spring MVC application with an endpoint of its own backed by Pattern Health, which it
 * calls through an HTTP service interface of the {@code patternhealth} group. Without
 * {@code patternhealth.base-url} it calls a stand-in started in-process.
 *
 * @author Pattern Health Spring Boot authors
 */
@SpringBootApplication
@ImportHttpServices(group = PatternHealth.HTTP_SERVICE_GROUP, types = GroupClient.class)
public class WebMvcSampleApplication {

	private static final Log logger = LogFactory.getLog(WebMvcSampleApplication.class);

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WebMvcSampleApplication.class);
		application.addInitializers(new PatternHealthStandInInitializer(PatternHealthStandIn::seedExampleGroup));
		application.run(args);
	}

	@EventListener
	void showTheEndpoint(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		ObjectProvider<PatternHealthStandIn> standIn = event.getApplicationContext()
			.getBeanProvider(PatternHealthStandIn.class);
		String group = (standIn.getIfAvailable() != null) ? PatternHealthStandIn.EXAMPLE_GROUP_ID : "<group id>";
		String server = "http://localhost:" + environment.getProperty("local.server.port");
		logger.info("Try: curl " + server + "/groups/" + group + "/summary");
		logger.info("Or as a customer of the application, with the credentials of its CustomerDirectory: curl " + server
				+ "/customers/example/groups/" + group + "/summary");
	}

}
