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
import java.util.List;
import java.util.Map;

import com.patternhealth.boot.page.MemberPages.Member;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternHealthPage}, read as Spring's Jackson converter and decoder
 * read it.
 */
class PatternHealthPageTests {

	private static final String HOST = "https://api.example.com";

	private static final String DOCUMENTED = """
			{"totalCount": 450, "limit": 200, "offset": 200,
			 "results": [{"id": "m200", "name": "Member 200"}, {"id": "m201", "name": "Member 201"}],
			 "nextPage": "https://api.example.com/api/v1/groups/G/members?limit=200&offset=400",
			 "previousPage": "https://api.example.com/api/v1/groups/G/members?limit=200&offset=0"}
			""";

	private static final ResolvableType MEMBER_PAGE = ResolvableType.forClassWithGenerics(PatternHealthPage.class,
			Member.class);

	@Test
	void readsTheDocumentedEnvelopeWithSpringsConverter() throws Exception {
		assertThat(readWithConverter(DOCUMENTED)).isEqualTo(documented());
	}

	@Test
	void readsTheDocumentedEnvelopeWithSpringsDecoder() {
		Object page = new JacksonJsonDecoder().decode(
				DefaultDataBufferFactory.sharedInstance.wrap(DOCUMENTED.getBytes(StandardCharsets.UTF_8)), MEMBER_PAGE,
				MediaType.APPLICATION_JSON, Map.of());
		assertThat(page).isEqualTo(documented());
	}

	@Test
	void ignoresUnknownFieldsEvenWhenTheMapperFailsOnThem() throws Exception {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		String json = """
				{"totalCount": 1, "limit": 200, "offset": 0, "sortBy": "NAME", "_links": {"self": {"href": "/x"}},
				 "results": [{"id": "m0", "name": "Member 0"}]}
				""";
		PatternHealthPage<?> page = read(new JacksonJsonHttpMessageConverter(strict), json);
		assertThat(page.results()).isEqualTo(List.of(new Member("m0", "Member 0")));
	}

	@Test
	void readsAbsentResultsAsAnEmptyListAndAbsentLinksAsNull() throws Exception {
		PatternHealthPage<?> page = readWithConverter("{\"totalCount\": 0, \"limit\": 200, \"offset\": 0}");
		assertThat(page.results()).isEmpty();
		assertThat(page.nextPage()).isNull();
		assertThat(page.previousPage()).isNull();
	}

	private static PatternHealthPage<?> readWithConverter(String json) throws Exception {
		return read(new JacksonJsonHttpMessageConverter(), json);
	}

	private static PatternHealthPage<?> read(JacksonJsonHttpMessageConverter converter, String json) throws Exception {
		Object page = converter.read(MEMBER_PAGE, new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8)),
				null);
		assertThat(page).isInstanceOf(PatternHealthPage.class);
		return (PatternHealthPage<?>) page;
	}

	private static PatternHealthPage<Member> documented() {
		return new PatternHealthPage<>(450, 200, 200, MemberPages.members(200, 202),
				URI.create(HOST + "/api/v1/groups/G/members?limit=200&offset=400"),
				URI.create(HOST + "/api/v1/groups/G/members?limit=200&offset=0"));
	}

}
