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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.ssl.SslBundles;

/**
 * The HTTP clients that every Pattern Health client runs on: a
 * {@code ClientHttpRequestFactory} or a {@code ClientHttpConnector} made by Spring Boot's
 * builder, from the application's settings, but never following a redirect. An HTTP
 * client that follows a redirect copies the request's headers below every interceptor and
 * filter, so the token would go wherever a {@code 3xx} points; without it, the
 * {@code 3xx} reaches the caller.
 * <p>
 * One HTTP client is made for each distinct set of settings and shared by every Pattern
 * Health client that uses it, however many are made at run time: only the token cache and
 * the filters are per client. Those that can be closed are closed with the context.
 *
 * <p>
 * The beans {@value PatternHealthAutoConfiguration#REQUEST_FACTORIES_BEAN_NAME} and
 * {@value PatternHealthAutoConfiguration#CONNECTORS_BEAN_NAME} are of this type.
 *
 * @param <T> the type of HTTP client
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthHttpClients<T> implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PatternHealthHttpClients.class);

	private final Function<HttpClientSettings, T> builder;

	private final HttpClientSettings settings;

	private final Function<String, HttpClientSettings> groupSettings;

	private final Map<HttpClientSettings, T> clients = new ConcurrentHashMap<>();

	/**
	 * Create HTTP clients.
	 * @param builder builds an HTTP client with the given settings: Spring Boot's builder
	 * @param settings the application's HTTP client settings
	 * @param groupSettings the settings of an HTTP service group: the application's, with
	 * those of {@code spring.http.serviceclient.<group>} laid over them
	 */
	PatternHealthHttpClients(Function<HttpClientSettings, T> builder, HttpClientSettings settings,
			Function<String, HttpClientSettings> groupSettings) {
		this.builder = builder;
		this.settings = settings;
		this.groupSettings = groupSettings;
	}

	/**
	 * Create the HTTP clients of the given builder, with the application's settings, and
	 * those of an HTTP service group as Spring Boot's own group configurers work them
	 * out: the application's, with {@code spring.http.serviceclient.<group>} laid over
	 * them.
	 * @param <T> the type of HTTP client
	 * @param builder builds an HTTP client with the given settings
	 * @param httpClientSettings the application's settings, if any
	 * @param serviceClientProperties the properties of the HTTP service groups, if any
	 * @param sslBundles the SSL bundles that group properties may name, if any
	 * @return the HTTP clients
	 */
	static <T> PatternHealthHttpClients<T> of(Function<HttpClientSettings, T> builder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<HttpServiceClientProperties> serviceClientProperties,
			ObjectProvider<SslBundles> sslBundles) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
		return new PatternHealthHttpClients<>(builder, settings, (group) -> {
			HttpServiceClientProperties properties = serviceClientProperties.getIfAvailable();
			return new HttpClientSettingsPropertyMapper(sslBundles.getIfAvailable(), settings)
				.map((properties != null) ? properties.get(group) : null);
		});
	}

	/**
	 * Return the HTTP client of the application's settings.
	 * @return the shared HTTP client
	 */
	public T get() {
		return get(this.settings);
	}

	/**
	 * Return the HTTP client of an HTTP service group, with its timeouts and SSL bundle.
	 * @param group the name of the group
	 * @return the shared HTTP client
	 */
	public T forGroup(String group) {
		return get(this.groupSettings.apply(group));
	}

	private T get(HttpClientSettings settings) {
		return this.clients.computeIfAbsent(settings.withRedirects(HttpRedirects.DONT_FOLLOW), this.builder);
	}

	/**
	 * Return the HTTP client of token requests: the application's settings, with a
	 * connect and read timeout no longer than the time limit of a token request, so that
	 * the HTTP client itself ends an attempt that takes too long.
	 * @param timeout the time limit of one token request
	 * @return the shared HTTP client
	 */
	public T forTokenRequests(Duration timeout) {
		return get(this.settings.withTimeouts(shortest(this.settings.connectTimeout(), timeout),
				shortest(this.settings.readTimeout(), timeout)));
	}

	private static Duration shortest(@Nullable Duration configured, Duration timeout) {
		return (configured != null && configured.compareTo(timeout) < 0) ? configured : timeout;
	}

	@Override
	public void destroy() {
		for (T client : this.clients.values()) {
			try {
				if (client instanceof DisposableBean disposable) {
					disposable.destroy();
				}
				else if (client instanceof AutoCloseable closeable) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				logger.debug("Could not close an HTTP client of Pattern Health's clients", ex);
			}
		}
		this.clients.clear();
	}

}
