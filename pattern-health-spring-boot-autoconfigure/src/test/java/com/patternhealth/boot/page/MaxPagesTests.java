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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.patternhealth.boot.page.MemberPages.Member;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.RestClient;

import static com.patternhealth.boot.page.MemberPages.MEMBERS;
import static com.patternhealth.boot.page.MemberPages.endlessPage;
import static com.patternhealth.boot.page.MemberPages.tooManyPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MaxPages} and for the bound that {@link PatternHealthPages} applies
 * when given none. The pages are answered from memory, each linking to a next page
 * without end, so that reaching the default bound takes no HTTP.
 */
class MaxPagesTests {

	private static final String ORIGIN = "https://pattern-health.test";

	private static final String FIRST_PAGE = MEMBERS + "?limit={limit}";

	private static final ParameterizedTypeReference<PatternHealthPage<Member>> PAGE = PatternHealthPages
		.pageType(Member.class);

	private final List<URI> requested = new ArrayList<>();

	private final RestClient client = RestClient.builder().baseUrl(ORIGIN).requestFactory(this::request).build();

	@Test
	void isTenThousandPagesByDefault() {
		assertThat(MaxPages.DEFAULT.value()).isEqualTo(10_000);
	}

	@Test
	void isAtLeastOnePage() {
		assertThat(new MaxPages(1).value()).isOne();
		assertThatIllegalArgumentException().isThrownBy(() -> new MaxPages(0))
			.withMessage("The maximum number of pages must be at least 1, not 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new MaxPages(-1))
			.withMessage("The maximum number of pages must be at least 1, not -1");
	}

	@Test
	void boundsTheItemsOfARestClientByDefault() {
		AtomicInteger read = new AtomicInteger();
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 1);
		assertThatExceptionOfType(PatternHealthPagingException.class)
			.isThrownBy(() -> members.forEach((member) -> read.incrementAndGet()))
			.withMessage(tooManyPages(10_000));
		assertThat(read).hasValue(10_000);
		assertThat(this.requested).hasSize(10_000).doesNotHaveDuplicates();
	}

	@Test
	void boundsTheItemsFollowedWithAFunctionByDefault() {
		PatternHealthPage<Member> first = this.client.get().uri(FIRST_PAGE, 1).retrieve().body(PAGE);
		Stream<Member> members = PatternHealthPages.items(first, URI.create(ORIGIN),
				(url) -> this.client.get().uri(url).retrieve().body(PAGE));
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(members::toList)
			.withMessage(tooManyPages(10_000));
		assertThat(this.requested).hasSize(10_000).doesNotHaveDuplicates();
	}

	private ClientHttpRequest request(URI url, HttpMethod method) {
		this.requested.add(url);
		MockClientHttpResponse response = new MockClientHttpResponse(endlessPage(url).getBytes(StandardCharsets.UTF_8),
				HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		MockClientHttpRequest request = new MockClientHttpRequest(method, url);
		request.setResponse(response);
		return request;
	}

}
