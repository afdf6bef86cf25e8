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

package com.patternhealth.boot.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Every Pattern Health client of an application beyond the single one that
 * {@code patternhealth.*} configures: the clients named under
 * {@code patternhealth.clients.<name>.*}, and clients made at run time from credentials
 * that the application keeps elsewhere, such as in a database. Each has its own token
 * cache, so clients never send each other's token, and a {@code 401}, rejected
 * credentials or a backoff of one never affects another.
 * <p>
 * Clients made at run time are cached by their base URL, client id and secret: asking
 * again with the same credentials returns the same client and token cache. Release them
 * when a customer leaves or a secret rotates; all are released when the application
 * context closes.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthClients implements AutoCloseable {

	/**
	 * The name that every client made at run time has in observations: one value,
	 * whatever the number of such clients, so that the number of meters stays bounded.
	 * Clients made at run time have no health component and no meters of their own.
	 */
	public static final String RUN_TIME = "run-time";

	private final Map<String, PatternHealthClient> configured;

	private final Factory factory;

	private final Map<Credentials, PatternHealthClient> made = new ConcurrentHashMap<>();

	/**
	 * Create a registry.
	 * @param configured the clients named in configuration
	 * @param factory makes clients at run time
	 */
	public PatternHealthClients(Map<String, PatternHealthClient> configured, Factory factory) {
		this.configured = Collections.unmodifiableMap(new LinkedHashMap<>(configured));
		this.factory = factory;
	}

	/**
	 * Return the client named in configuration under
	 * {@code patternhealth.clients.<name>}.
	 * @param name the name of the client
	 * @return the client
	 * @throws IllegalArgumentException if no client of that name is configured
	 */
	public PatternHealthClient get(String name) {
		PatternHealthClient client = this.configured.get(name);
		if (client == null) {
			throw new IllegalArgumentException("No Pattern Health client is named '" + name + "'; the configured ones"
					+ " are " + getNames() + ". Configure it under patternhealth.clients." + name + ".*");
		}
		return client;
	}

	/**
	 * Return the names of the clients configured under {@code patternhealth.clients}.
	 * @return the names
	 */
	public Set<String> getNames() {
		return this.configured.keySet();
	}

	/**
	 * Return the configured clients by name.
	 * @return the configured clients
	 */
	public Map<String, PatternHealthClient> getConfigured() {
		return this.configured;
	}

	/**
	 * Return a client for the given environment and credentials, made from Spring Boot's
	 * builders (so the application's customizers apply) with the settings of
	 * {@code patternhealth.token.*} and {@code patternhealth.api.*}. The same credentials
	 * return the same client.
	 * @param baseUrl the base URL of the Pattern Health API
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return the client
	 * @throws IllegalArgumentException if the base URL or the credentials cannot be used
	 */
	public PatternHealthClient forCredentials(URI baseUrl, String clientId, String clientSecret) {
		Assert.isTrue(baseUrl.isAbsolute(), "'baseUrl' must be absolute");
		Assert.hasText(clientId, "'clientId' must not be empty");
		Assert.hasText(clientSecret, "'clientSecret' must not be empty");
		Credentials credentials = new Credentials(normalize(baseUrl), clientId, digest(clientSecret));
		return this.made.computeIfAbsent(credentials,
				(key) -> this.factory.create(RUN_TIME, URI.create(key.baseUrl()), clientId, clientSecret));
	}

	/**
	 * Release every client made at run time for the given base URL and client id,
	 * whatever its secret, and close its token cache: when a customer leaves, or after
	 * its secret rotated.
	 * @param baseUrl the base URL of the Pattern Health API
	 * @param clientId the client id
	 * @return whether a client was released
	 */
	public boolean release(URI baseUrl, String clientId) {
		String normalized = normalize(baseUrl);
		boolean released = false;
		for (Credentials credentials : Set.copyOf(this.made.keySet())) {
			if (credentials.baseUrl().equals(normalized) && credentials.clientId().equals(clientId)) {
				PatternHealthClient client = this.made.remove(credentials);
				if (client != null) {
					client.getTokenCache().close();
					released = true;
				}
			}
		}
		return released;
	}

	/**
	 * Return the number of clients made at run time and not released.
	 * @return the number of such clients
	 */
	public int getRunTimeClientCount() {
		return this.made.size();
	}

	/**
	 * Close the token caches of every client, configured or made at run time.
	 */
	@Override
	public void close() {
		this.configured.values().forEach((client) -> client.getTokenCache().close());
		this.made.values().forEach((client) -> client.getTokenCache().close());
		this.made.clear();
	}

	/**
	 * The base URL as a key: scheme and host in lower case, no trailing slash.
	 */
	private static String normalize(URI baseUrl) {
		URI normalized = baseUrl.normalize();
		String scheme = normalized.getScheme().toLowerCase(Locale.ROOT);
		String authority = normalized.getRawAuthority();
		String host = (normalized.getHost() != null) ? normalized.getHost() : "";
		authority = (authority != null) ? authority.replace(host, host.toLowerCase(Locale.ROOT)) : "";
		String path = StringUtils
			.trimTrailingCharacter((normalized.getRawPath() != null) ? normalized.getRawPath() : "", '/');
		return scheme + "://" + authority + path;
	}

	/**
	 * A digest of the secret, so that the key of a client never holds the secret itself.
	 */
	private static String digest(String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes a client at run time.
	 */
	@FunctionalInterface
	public interface Factory {

		/**
		 * Make a client.
		 * @param name the name of the client
		 * @param baseUrl the base URL of the Pattern Health API
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @return the client
		 */
		PatternHealthClient create(String name, URI baseUrl, String clientId, String clientSecret);

	}

	private record Credentials(String baseUrl, String clientId, String secretDigest) {

	}

}
