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

package com.patternhealth.boot.web;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * The origin of Pattern Health's base URL: its scheme, host and port. Only requests to it
 * carry the token.
 *
 * @author Pattern Health Spring Boot authors
 */
final class PatternHealthOrigin {

	private final String scheme;

	private final String host;

	private final int port;

	PatternHealthOrigin(URI baseUrl) {
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null, "'baseUrl' must be absolute");
		this.scheme = baseUrl.getScheme();
		this.host = baseUrl.getHost();
		this.port = port(baseUrl);
	}

	/**
	 * Whether the URL has this origin. Compares the parts {@link URI} has already parsed,
	 * so that the check allocates nothing.
	 * @param url the URL of a request
	 * @return whether the request goes to Pattern Health
	 */
	boolean matches(URI url) {
		return this.scheme.equalsIgnoreCase(url.getScheme()) && this.host.equalsIgnoreCase(url.getHost())
				&& this.port == port(url);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : ("http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1);
	}

}
