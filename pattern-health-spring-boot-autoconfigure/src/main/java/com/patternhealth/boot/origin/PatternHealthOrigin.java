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

package com.patternhealth.boot.origin;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The origin of a URL: its scheme, host and port, the port being the scheme's default
 * when the URL has none. Only requests to the origin of Pattern Health's base URL carry
 * the token, and only {@code nextPage} links to the origin of a list's first page are
 * followed.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthOrigin {

	private final String scheme;

	private final String host;

	private final int port;

	private PatternHealthOrigin(String scheme, String host, int port) {
		this.scheme = scheme;
		this.host = host;
		this.port = port;
	}

	/**
	 * Return the origin of the given URL. A part the URL lacks is empty, and a port that
	 * neither the URL nor its scheme gives is {@code -1}, so that such an origin matches
	 * no absolute URL.
	 * @param url a URL
	 * @return its origin
	 */
	public static PatternHealthOrigin of(URI url) {
		return new PatternHealthOrigin(lowerCase(url.getScheme()), lowerCase(url.getHost()), port(url));
	}

	/**
	 * Return the origin of a base URL, which must be absolute.
	 * @param baseUrl the base URL of a client
	 * @return its origin
	 * @throws IllegalArgumentException if the base URL is not absolute or has no host
	 */
	public static PatternHealthOrigin ofBaseUrl(URI baseUrl) {
		Assert.isTrue(baseUrl.isAbsolute() && baseUrl.getHost() != null, "'baseUrl' must be absolute");
		return of(baseUrl);
	}

	/**
	 * Whether the URL has this origin. Compares the parts {@link URI} has already parsed,
	 * so that the check, made for every request, allocates nothing.
	 * @param url the URL of a request
	 * @return whether the URL has this origin
	 */
	public boolean matches(URI url) {
		return this.scheme.equalsIgnoreCase(nonNull(url.getScheme()))
				&& this.host.equalsIgnoreCase(nonNull(url.getHost())) && this.port == port(url);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof PatternHealthOrigin origin && this.scheme.equals(origin.scheme)
				&& this.host.equals(origin.host) && this.port == origin.port);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.scheme.hashCode() + this.host.hashCode()) + this.port;
	}

	/**
	 * Return the origin as {@code scheme://host:port}, the port always given.
	 */
	@Override
	public String toString() {
		return this.scheme + "://" + this.host + ":" + this.port;
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		String scheme = nonNull(url.getScheme());
		return "https".equalsIgnoreCase(scheme) ? 443 : ("http".equalsIgnoreCase(scheme) ? 80 : -1);
	}

	private static String lowerCase(@Nullable String part) {
		return nonNull(part).toLowerCase(Locale.ROOT);
	}

	private static String nonNull(@Nullable String part) {
		return (part != null) ? part : "";
	}

}
