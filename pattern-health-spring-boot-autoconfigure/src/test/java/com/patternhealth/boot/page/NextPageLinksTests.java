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

package com.patternhealth.boot.page;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NextPageLinks}.
 */
class NextPageLinksTests {

	private static final URI FIRST = URI.create("https://api.example.com/api/v1/groups/g/members?limit=200");

	private final NextPageLinks links = new NextPageLinks(FIRST, MaxPages.DEFAULT);

	@Test
	void followsALinkToTheOriginOfTheFirstPage() {
		URI next = URI.create("https://api.example.com/api/v1/groups/g/members?limit=200&offset=200");
		assertThat(this.links.follow(next)).isEqualTo(next);
	}

	@Test
	void takesAnAbsentPortAsTheSchemesDefaultPort() {
		URI next = URI.create("https://API.example.com:443/api/v1/groups/g/members?limit=200&offset=200");
		assertThat(this.links.follow(next)).isEqualTo(next);
		NextPageLinks http = new NextPageLinks(URI.create("http://api.example.com:80/members"), MaxPages.DEFAULT);
		assertThat(http.follow(URI.create("http://api.example.com/members?offset=200"))).hasPort(-1);
	}

	@Test
	void resolvesARelativeLinkAgainstTheFirstPage() {
		assertThat(this.links.follow(URI.create("/api/v1/groups/g/members?limit=200&offset=200")))
			.isEqualTo(URI.create("https://api.example.com/api/v1/groups/g/members?limit=200&offset=200"));
	}

	@Test
	void refusesALinkToAnotherSchemeHostOrPort() {
		assertThatExceptionOfType(PatternHealthPagingException.class)
			.isThrownBy(() -> this.links.follow(URI.create("http://api.example.com/members?offset=200")))
			.withMessage("Not following nextPage http://api.example.com/members?offset=200: its origin "
					+ "http://api.example.com:80 is not the origin of the first page, https://api.example.com:443");
		assertThatExceptionOfType(PatternHealthPagingException.class)
			.isThrownBy(() -> this.links.follow(URI.create("https://api.example.org/members?offset=200")))
			.withMessageContaining("its origin https://api.example.org:443 is not");
		assertThatExceptionOfType(PatternHealthPagingException.class)
			.isThrownBy(() -> this.links.follow(URI.create("https://api.example.com:8443/members?offset=200")))
			.withMessageContaining("its origin https://api.example.com:8443 is not");
	}

	@Test
	void refusesALinkFollowedBefore() {
		URI next = URI.create("https://api.example.com/api/v1/groups/g/members?limit=200&offset=200");
		this.links.follow(next);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(() -> this.links.follow(next))
			.withMessage("Not following nextPage " + next
					+ " again: the pages of this list link back to a page that was already requested");
	}

	@Test
	void refusesALinkToTheFirstPage() {
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(() -> this.links.follow(FIRST))
			.withMessageContaining(FIRST + " again");
	}

	@Test
	void refusesALinkPastTheMaximumNumberOfPages() {
		NextPageLinks links = new NextPageLinks(FIRST, new MaxPages(2));
		links.follow(URI.create("https://api.example.com/api/v1/groups/g/members?limit=200&offset=200"));
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(
				() -> links.follow(URI.create("https://api.example.com/api/v1/groups/g/members?limit=200&offset=400")))
			.withMessage(MemberPages.tooManyPages(2));
	}

	@Test
	void refusesEveryLinkWhenTheMaximumIsOnePage() {
		NextPageLinks links = new NextPageLinks(FIRST, new MaxPages(1));
		assertThatExceptionOfType(PatternHealthPagingException.class)
			.isThrownBy(() -> links.follow(URI.create("/api/v1/groups/g/members?limit=200&offset=200")))
			.withMessageStartingWith("Stopped following nextPage after 1 page of /api/v1/groups/g/members;");
	}

}
