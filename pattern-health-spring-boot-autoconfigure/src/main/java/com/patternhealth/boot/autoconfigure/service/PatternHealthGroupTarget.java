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

package com.patternhealth.boot.autoconfigure.service;

import java.net.URI;
import java.util.function.Consumer;

import com.patternhealth.boot.autoconfigure.PatternHealthProperties;
import com.patternhealth.boot.origin.PatternHealthBaseUrl;
import com.patternhealth.boot.web.PatternHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the clients of the {@code patternhealth} HTTP service group send their requests:
 * {@code patternhealth.base-url}, unless Spring Boot's
 * {@code spring.http.serviceclient.patternhealth.base-url} overrides it. The token goes
 * to the origin of whichever applies.
 *
 * @param group the name of the HTTP service group
 * @param baseUrl the base URL of the Pattern Health clients
 * @param groupBaseUrl the base URL that Spring Boot's properties give the group, or
 * {@code null}
 * @author Pattern Health Spring Boot authors
 */
record PatternHealthGroupTarget(String group, URI baseUrl, @Nullable URI groupBaseUrl) {

	/**
	 * Return the target of the given group of a client with the given base URL, which
	 * {@code spring.http.serviceclient.<group>.base-url} overrides.
	 * @param group the name of the HTTP service group
	 * @param baseUrl the base URL of the client
	 * @param environment the environment
	 * @return the target
	 */
	static PatternHealthGroupTarget of(String group, URI baseUrl, Environment environment) {
		String groupBaseUrl = environment.getProperty("spring.http.serviceclient." + group + ".base-url");
		return new PatternHealthGroupTarget(group, baseUrl,
				StringUtils.hasText(groupBaseUrl) ? PatternHealthBaseUrl.of(groupBaseUrl) : null);
	}

	/**
	 * Give a client builder the base URL, unless Spring Boot's properties already did.
	 * @param baseUrlSetter sets the base URL of a client builder
	 */
	void applyBaseUrl(Consumer<String> baseUrlSetter) {
		if (this.groupBaseUrl == null) {
			baseUrlSetter.accept(this.baseUrl.toString());
		}
	}

	/**
	 * Return the URL whose origin receives the token.
	 * @return the base URL in effect
	 */
	URI origin() {
		return (this.groupBaseUrl != null) ? this.groupBaseUrl : this.baseUrl;
	}

}
