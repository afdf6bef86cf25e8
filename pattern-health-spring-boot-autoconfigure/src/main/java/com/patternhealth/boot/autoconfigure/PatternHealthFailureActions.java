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

/**
 * The actions that Pattern Health's failure analyses advise, written once for every
 * analyzer that gives them.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthFailureActions {

	/**
	 * Add the starter, which brings every library the Pattern Health client needs.
	 */
	static final String DEPEND_ON_STARTER = "Depend on com.patternhealth:pattern-health-spring-boot-starter,"
			+ " which brings spring-boot-starter-webclient, spring-boot-starter-restclient and"
			+ " spring-security-oauth2-client.";

	/**
	 * Turn the Pattern Health client back on.
	 */
	static final String TURN_ON = "Set patternhealth.enabled=true, or remove it.";

	/**
	 * Stop excluding the auto-configuration.
	 */
	static final String INCLUDE_AUTO_CONFIGURATION = "Remove " + PatternHealthAutoConfiguration.class.getName()
			+ " from spring.autoconfigure.exclude and from the exclude attribute of @SpringBootApplication,"
			+ " @EnableAutoConfiguration or @ImportAutoConfiguration.";

	/**
	 * Use the named clients, or configure a client of its own under
	 * {@code patternhealth.*}.
	 */
	static final String USE_NAMED_CLIENTS = "Inject PatternHealthClients and take a named client from it with"
			+ " get(name), or set patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret"
			+ " for a client of its own.";

	private PatternHealthFailureActions() {
	}

	/**
	 * Return how to set the given properties, with an application.yml example and the
	 * matching environment variables.
	 * @param properties the properties to set, as the start of a sentence names them
	 * @return the action
	 */
	static String setProperties(String properties) {
		return "Set " + properties + ", for example in application.yml:\n\n" + """
				    patternhealth:
				      base-url: https://<your Pattern Health host>
				      client-id: <client ID>
				      client-secret: <client secret>

				or as the environment variables PATTERNHEALTH_BASEURL, PATTERNHEALTH_CLIENTID and \
				PATTERNHEALTH_CLIENTSECRET.""";
	}

	/**
	 * Return how to qualify the application's own bean that replaces one of the starter.
	 * @param beanName the name of the bean
	 * @return the action
	 */
	static String annotateReplacement(String beanName) {
		return "Annotate the application's '" + beanName + "' bean method with @PatternHealth.";
	}

}
