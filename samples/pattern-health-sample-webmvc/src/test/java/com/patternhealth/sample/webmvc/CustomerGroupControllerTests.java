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

import com.patternhealth.boot.client.PatternHealthClient;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.test.AutoConfigurePatternHealthStandIn;
import com.patternhealth.boot.test.PatternHealthStandIn;
import com.patternhealth.sample.webmvc.CustomerDirectory.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link CustomerGroupController} over HTTP. The customer {@code acme} has a
 * Pattern Health tenant of its own, a second stand-in that accepts only its credentials;
 * the application's own tenant is the stand-in of
 * {@link AutoConfigurePatternHealthStandIn @AutoConfigurePatternHealthStandIn}, which the
 * example customer of {@code application.properties} uses too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.page-size=2")
@AutoConfigurePatternHealthStandIn
class CustomerGroupControllerTests {

	private static final String ACME_SECRET = "acme+secret/of=its:own%";

	private static final PatternHealthStandIn acme = PatternHealthStandIn.builder()
		.clientId("acme-clinic")
		.clientSecret(ACME_SECRET)
		.start();

	private static final String SUMMARY = "{\"groupId\":\"3f0e4c52-8d7a-4b61-9a7e-2f5c1d9b6e10\","
			+ "\"members\":[\"Ada Lovelace\",\"Grace Hopper\",\"Alan Turing\",\"Katherine Johnson\",\"Edsger Dijkstra\"],"
			+ "\"tasksByStatus\":{\"COMPLETE\":3,\"INCOMPLETE\":2,\"SCHEDULED\":2}}";

	@LocalServerPort
	private int port;

	@Autowired
	private PatternHealthStandIn patternHealth;

	@Autowired
	private PatternHealthClients patternHealthClients;

	@Autowired
	private CustomerDirectory customers;

	@DynamicPropertySource
	static void acmeInTheCustomerDirectory(DynamicPropertyRegistry registry) {
		registry.add("sample.customers.acme.base-url", acme::baseUrl);
		registry.add("sample.customers.acme.client-id", acme::clientId);
		registry.add("sample.customers.acme.client-secret", acme::clientSecret);
	}

	@AfterAll
	static void stopAcme() {
		acme.close();
	}

	@BeforeEach
	void startEachTestWithoutRunTimeClients() {
		acme.seedExampleGroup();
		acme.reset();
		this.patternHealthClients.release(URI.create(acme.baseUrl()), acme.clientId());
		this.patternHealthClients.release(URI.create(this.patternHealth.baseUrl()), this.patternHealth.clientId());
	}

	@Test
	void summarizesTheCustomersGroupWithOneTokenUntilItsClientIsReleased() {
		String path = "/customers/acme/groups/" + PatternHealthStandIn.EXAMPLE_GROUP_ID + "/summary";
		ResponseEntity<String> first = exchange(HttpMethod.GET, path);
		ResponseEntity<String> second = exchange(HttpMethod.GET, path);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).isEqualTo(SUMMARY).doesNotContain(ACME_SECRET);
		assertThat(second.getBody()).isEqualTo(SUMMARY);
		assertThat(acme.tokenRequestCount()).as("one token for both calls").isOne();
		assertThat(acme.apiRequestCount()).as("3 pages of members and 4 of tasks, twice").isEqualTo(14);
		assertThat(this.patternHealthClients.getRunTimeClientCount()).isOne();
		assertThat(this.patternHealth.tokenRequestCount() + this.patternHealth.apiRequestCount())
			.as("nothing sent to the application's own tenant")
			.isZero();
		assertThat(exchange(HttpMethod.DELETE, "/customers/acme/client").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.patternHealthClients.getRunTimeClientCount()).isZero();
		assertThat(exchange(HttpMethod.GET, path).getBody()).isEqualTo(SUMMARY);
		assertThat(acme.tokenRequestCount()).as("a new token after the release").isEqualTo(2);
	}

	@Test
	void summarizesAGroupOfTheExampleCustomerFromTheApplicationsOwnTenant() {
		this.patternHealth.seedExampleGroup();
		ResponseEntity<String> response = exchange(HttpMethod.GET,
				"/customers/example/groups/" + PatternHealthStandIn.EXAMPLE_GROUP_ID + "/summary");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo(SUMMARY).doesNotContain(this.patternHealth.clientSecret());
		assertThat(this.patternHealth.tokenRequestCount()).isOne();
		assertThat(acme.tokenRequestCount() + acme.apiRequestCount()).isZero();
	}

	@Test
	void showsNeitherTheSecretOfTheCustomerNorThatOfItsClient() {
		Credentials credentials = this.customers.find("acme").orElseThrow();
		assertThat(credentials.clientSecret()).isEqualTo(ACME_SECRET);
		PatternHealthClient client = this.patternHealthClients.forCredentials(credentials.baseUrl(),
				credentials.clientId(), credentials.clientSecret());
		assertThat(credentials.toString()).contains("acme-clinic").doesNotContain(ACME_SECRET);
		assertThat(client.toString()).contains("acme-clinic", acme.baseUrl()).doesNotContain(ACME_SECRET);
		assertThat(client.getTokenCache().toString()).doesNotContain(ACME_SECRET);
		assertThat(client.getName()).isEqualTo(PatternHealthClients.RUN_TIME);
	}

	@Test
	void answers404ForAnUnknownCustomerOrGroup() {
		ResponseEntity<String> noCustomer = exchange(HttpMethod.GET, "/customers/nobody/groups/any/summary");
		assertThat(noCustomer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noCustomer.getBody()).contains("\"detail\":\"No such customer\"");
		assertThat(exchange(HttpMethod.DELETE, "/customers/nobody/client").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<String> noGroup = exchange(HttpMethod.GET, "/customers/acme/groups/no-such-group/summary");
		assertThat(noGroup.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(noGroup.getBody()).contains("\"detail\":\"Pattern Health has no such group\"")
			.doesNotContain(ACME_SECRET);
	}

	private ResponseEntity<String> exchange(HttpMethod method, String path) {
		return RestClient.create("http://localhost:" + this.port)
			.method(method)
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
