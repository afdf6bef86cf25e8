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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Serves the members of group {@code g} from WireMock in pages, as Pattern Health does:
 * the first page at the members URL without an offset, whatever limit it asks for, and
 * each next page at the absolute {@code nextPage} link of the page before it.
 */
final class MemberPages {

	static final String MEMBERS = "/api/v1/groups/g/members";

	private MemberPages() {
	}

	/**
	 * Serve {@code count} members in pages of at most {@code limit}, the greatest limit
	 * the server allows.
	 */
	static void stubMembers(WireMockExtension server, int count, int limit) {
		server.stubFor(get(urlPathEqualTo(MEMBERS)).withQueryParam("offset", absent())
			.willReturn(okJson(page(server, count, limit, 0))));
		for (int offset = limit; offset < count; offset += limit) {
			server.stubFor(
					get(urlEqualTo(pageUrl(limit, offset))).willReturn(okJson(page(server, count, limit, offset))));
		}
	}

	static String pageUrl(int limit, int offset) {
		return MEMBERS + "?limit=" + limit + "&offset=" + offset;
	}

	/**
	 * The page at {@code offset} of {@code count} members, with absolute links to the
	 * pages before and after it on the given server.
	 */
	static String page(WireMockExtension server, int count, int limit, int offset) {
		int end = Math.min(count, offset + limit);
		String next = (end < count) ? server.baseUrl() + pageUrl(limit, end) : null;
		String previous = (offset > 0) ? server.baseUrl() + pageUrl(limit, Math.max(0, offset - limit)) : null;
		return page(count, limit, offset, members(offset, end), next, previous);
	}

	static String page(int totalCount, int limit, int offset, List<Member> results, @Nullable String nextPage,
			@Nullable String previousPage) {
		StringBuilder json = new StringBuilder("{\"totalCount\":").append(totalCount)
			.append(",\"limit\":")
			.append(limit)
			.append(",\"offset\":")
			.append(offset)
			.append(",\"results\":[")
			.append(results.stream()
				.map((member) -> "{\"id\":\"" + member.id() + "\",\"name\":\"" + member.name() + "\"}")
				.collect(Collectors.joining(",")))
			.append("]");
		if (nextPage != null) {
			json.append(",\"nextPage\":\"").append(nextPage).append("\"");
		}
		if (previousPage != null) {
			json.append(",\"previousPage\":\"").append(previousPage).append("\"");
		}
		return json.append("}").toString();
	}

	static List<Member> members(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> new Member("m" + i, "Member " + i)).toList();
	}

	/**
	 * The page of one member at the offset of the given URL, or at offset 0 if it has
	 * none, linking to the next page of the same origin without end.
	 */
	static String endlessPage(URI url) {
		String offset = UriComponentsBuilder.fromUri(url).build().getQueryParams().getFirst("offset");
		int at = (offset != null) ? Integer.parseInt(offset) : 0;
		String next = url.getScheme() + "://" + url.getRawAuthority() + pageUrl(1, at + 1);
		return page(Integer.MAX_VALUE, 1, at, members(at, at + 1), next, null);
	}

	/**
	 * The message of the exception that stops paging after the given number of pages of
	 * the members.
	 */
	static String tooManyPages(int pages) {
		return "Stopped following nextPage after " + pages + " pages of " + MEMBERS
				+ "; raise the maximum number of pages if the list is really that long";
	}

	/**
	 * The URLs (path and query) of the requests the server received, oldest first.
	 */
	static List<String> requestedUrls(WireMockExtension server) {
		List<String> urls = new ArrayList<>(
				server.getAllServeEvents().stream().map(ServeEvent::getRequest).map((r) -> r.getUrl()).toList());
		Collections.reverse(urls);
		return urls;
	}

	/**
	 * A member of a group.
	 *
	 * @param id the id
	 * @param name the name
	 */
	record Member(String id, String name) {

	}

}
