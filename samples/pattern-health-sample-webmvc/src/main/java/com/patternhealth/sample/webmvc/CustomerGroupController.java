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

import com.patternhealth.boot.client.PatternHealthClient;
import com.patternhealth.boot.client.PatternHealthClients;
import com.patternhealth.boot.page.PatternHealthPages;
import com.patternhealth.sample.webmvc.CustomerDirectory.Credentials;
import com.patternhealth.sample.webmvc.GroupClient.Member;
import com.patternhealth.sample.webmvc.GroupClient.Task;
import com.patternhealth.sample.webmvc.GroupSummaryController.GroupSummary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Summarizes a group in a customer's own Pattern Health tenant, with the credentials that
 * the application keeps for that customer in its {@link CustomerDirectory}. The client of
 * each customer is made at run time by {@link PatternHealthClients}, the first time it is
 * needed, and then reused with its token until it is released.
 *
 * @author Pattern Health Spring Boot authors
 */
@RestController
@RequestMapping("/customers/{customer}")
public class CustomerGroupController {

	private final CustomerDirectory customers;

	private final PatternHealthClients patternHealthClients;

	private final int pageSize;

	public CustomerGroupController(CustomerDirectory customers, PatternHealthClients patternHealthClients,
			@Value("${sample.page-size:200}") int pageSize) {
		this.customers = customers;
		this.patternHealthClients = patternHealthClients;
		this.pageSize = pageSize;
	}

	@GetMapping("/groups/{groupId}/summary")
	public GroupSummary summary(@PathVariable String customer, @PathVariable String groupId) {
		Credentials credentials = credentials(customer);
		// The same credentials give the same client, and so the same cached token
		PatternHealthClient client = this.patternHealthClients.forCredentials(credentials.baseUrl(),
				credentials.clientId(), credentials.clientSecret());
		RestClient restClient = client.getRestClient();
		return GroupSummary.of(groupId,
				PatternHealthPages.items(restClient, "/api/v1/groups/{group}/members?limit={limit}", Member.class,
						groupId, this.pageSize),
				PatternHealthPages.items(restClient, "/api/v1/groups/{group}/tasks?limit={limit}", Task.class, groupId,
						this.pageSize));
	}

	/**
	 * Release the customer's client and close its token cache: when the customer leaves,
	 * or once its new secret is stored, so that the next call obtains a token with it.
	 * @param customer the customer
	 * @return {@code 204 No Content}, whether or not the customer had a client
	 */
	@DeleteMapping("/client")
	public ResponseEntity<Void> release(@PathVariable String customer) {
		Credentials credentials = credentials(customer);
		this.patternHealthClients.release(credentials.baseUrl(), credentials.clientId());
		return ResponseEntity.noContent().build();
	}

	private Credentials credentials(String customer) {
		return this.customers.find(customer).orElseThrow(() -> new NoSuchCustomerException(customer));
	}

	@ExceptionHandler
	ProblemDetail noSuchCustomer(NoSuchCustomerException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such customer");
	}

	@ExceptionHandler
	ProblemDetail groupNotFound(HttpClientErrorException.NotFound ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Pattern Health has no such group");
	}

	static class NoSuchCustomerException extends RuntimeException {

		NoSuchCustomerException(String customer) {
			super("No such customer: " + customer);
		}

	}

}
