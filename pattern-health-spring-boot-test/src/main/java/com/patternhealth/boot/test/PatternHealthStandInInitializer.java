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

package com.patternhealth.boot.test;

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a {@link PatternHealthStandIn} for an application that has no
 * {@code patternhealth.base-url}, so that it runs without a Pattern Health tenant, and
 * calls a real one as soon as the properties are set (in {@code application.yml} or as
 * the environment variables {@code PATTERNHEALTH_BASEURL}, {@code PATTERNHEALTH_CLIENTID}
 * and {@code PATTERNHEALTH_CLIENTSECRET}).
 * <p>
 * The stand-in becomes the {@code patternHealthStandIn} bean and stops with the
 * application context. Add the initializer to the {@code SpringApplication}:
 * <pre class="code">
 * SpringApplication application = new SpringApplication(MyApplication.class);
 * application.addInitializers(new PatternHealthStandInInitializer(PatternHealthStandIn::seedExampleGroup));
 * application.run(args);
 * </pre> or name it in the {@code context.initializer.classes} property.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthStandInInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(PatternHealthStandInInitializer.class);

	private final Consumer<PatternHealthStandIn> setup;

	/**
	 * Create an initializer whose stand-in starts without groups.
	 */
	public PatternHealthStandInInitializer() {
		this((standIn) -> {
		});
	}

	/**
	 * Create an initializer that prepares the stand-in it starts, such as with
	 * {@link PatternHealthStandIn#seedExampleGroup()}.
	 * @param setup called with the running stand-in before the application uses it
	 */
	public PatternHealthStandInInitializer(Consumer<PatternHealthStandIn> setup) {
		this.setup = setup;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String baseUrl = Binder.get(context.getEnvironment())
			.bind("patternhealth.base-url", String.class)
			.map(String::strip)
			.orElse("");
		if (!baseUrl.isEmpty()) {
			logger.info("Calling Pattern Health at " + baseUrl);
			return;
		}
		PatternHealthStandIn standIn = PatternHealthStandIn.start();
		try {
			this.setup.accept(standIn);
			StandInRegistration.register(context, standIn, () -> stop(standIn));
		}
		catch (RuntimeException ex) {
			standIn.close();
			throw ex;
		}
		logger.info("patternhealth.base-url is not set: started a Pattern Health stand-in at " + standIn.baseUrl()
				+ " (set patternhealth.base-url, client-id and client-secret to call your own tenant)");
	}

	private static void stop(PatternHealthStandIn standIn) {
		logger.info("Stopping the Pattern Health stand-in, which answered "
				+ count(standIn.tokenRequestCount(), "token request") + " and "
				+ count(standIn.apiRequestCount(), "API request"));
		standIn.close();
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count != 1) ? "s" : "");
	}

}
