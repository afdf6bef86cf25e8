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

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the application keeps the Pattern Health credentials of its customers, each with
 * a tenant of its own. It stands for the application's database: in the sample, the
 * customers are read once from {@code sample.customers.<customer>.base-url},
 * {@code client-id} and {@code client-secret}.
 *
 * @author Pattern Health Spring Boot authors
 */
@Component
public class CustomerDirectory {

	private final Map<String, Credentials> customers;

	public CustomerDirectory(Environment environment) {
		this.customers = Map.copyOf(Binder.get(environment)
			.bind("sample.customers", Bindable.mapOf(String.class, Credentials.class))
			.orElse(Map.of()));
	}

	/**
	 * Return the Pattern Health credentials of a customer.
	 * @param customer the customer
	 * @return the credentials, or empty for an unknown customer
	 */
	public Optional<Credentials> find(String customer) {
		return Optional.ofNullable(this.customers.get(customer));
	}

	/**
	 * The Pattern Health tenant of a customer and the credentials of the application
	 * there.
	 *
	 * @param baseUrl the base URL of the customer's Pattern Health API
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 */
	public record Credentials(URI baseUrl, String clientId, String clientSecret) {

		/**
		 * Show the tenant and the client id, never the secret: a record's own
		 * {@code toString()} would, in logs and exception messages.
		 */
		@Override
		public String toString() {
			return "Credentials[baseUrl=" + this.baseUrl + ", clientId=" + this.clientId + ", clientSecret=****]";
		}

	}

}
