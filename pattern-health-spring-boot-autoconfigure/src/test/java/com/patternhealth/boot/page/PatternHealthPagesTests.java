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

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.page.MemberPages.Member;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.patternhealth.boot.page.MemberPages.MEMBERS;
import static com.patternhealth.boot.page.MemberPages.members;
import static com.patternhealth.boot.page.MemberPages.page;
import static com.patternhealth.boot.page.MemberPages.pageUrl;
import static com.patternhealth.boot.page.MemberPages.requestedUrls;
import static com.patternhealth.boot.page.MemberPages.stubMembers;
import static com.patternhealth.boot.page.MemberPages.tooManyPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link PatternHealthPages} with a {@link RestClient} and with an HTTP service
 * interface, against a WireMock stand-in for Pattern Health.
 */
class PatternHealthPagesTests {

	private static final String FIRST_PAGE = MEMBERS + "?limit={limit}";

	@RegisterExtension
	static WireMockExtension server = StandInServer.create();

	@RegisterExtension
	static WireMockExtension otherOrigin = StandInServer.otherOrigin();

	private final RestClient client = RestClient.builder().baseUrl(server.baseUrl()).build();

	@Test
	void readsEveryItemOnceAndInOrderAcrossThePages() {
		stubMembers(server, 450, 200);
		assertThat(PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200))
			.containsExactlyElementsOf(members(0, 450));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200), pageUrl(200, 400));
	}

	@Test
	void sendsNoRequestBeforeTheStreamIsConsumed() {
		stubMembers(server, 450, 200);
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200);
		assertThat(requestedUrls(server)).isEmpty();
		assertThat(members.limit(1)).containsExactly(new Member("m0", "Member 0"));
	}

	@Test
	void requestsOnePageForTheFirstThreeItems() {
		stubMembers(server, 450, 200);
		assertThat(PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200).limit(3))
			.containsExactlyElementsOf(members(0, 3));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void requestsTheNextPageOnlyWhenTheItemsReadAreUsedUp() {
		stubMembers(server, 450, 200);
		assertThat(PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200).limit(200)).hasSize(200);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
		server.resetRequests();
		assertThat(PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200).limit(201))
			.containsExactlyElementsOf(members(0, 201));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200));
	}

	@Test
	void givesTheTotalCountWithOneRequest() {
		stubMembers(server, 450, 200);
		assertThat(PatternHealthPages.pages(this.client, FIRST_PAGE, Member.class, 200).findFirst())
			.hasValueSatisfying((page) -> {
				assertThat(page.totalCount()).isEqualTo(450);
				assertThat(page.results()).isEqualTo(members(0, 200));
			});
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void followsTheLinksOfALimitTheServerLowered() {
		stubMembers(server, 450, 200);
		assertThat(PatternHealthPages.pages(this.client, FIRST_PAGE, Member.class, 500))
			.extracting(PatternHealthPage::limit, PatternHealthPage::offset, (page) -> page.results().size())
			.containsExactly(tuple(200, 0L, 200), tuple(200, 200L, 200), tuple(200, 400L, 50));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=500", pageUrl(200, 200), pageUrl(200, 400));
	}

	@Test
	void readsAnEmptyListWithOneRequest() {
		stubMembers(server, 0, 200);
		assertThat(PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200)).isEmpty();
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void stopsAtALinkToAnotherPort() {
		String elsewhere = otherOrigin.baseUrl() + pageUrl(200, 200);
		server.stubFor(
				get(urlPathEqualTo(MEMBERS)).willReturn(okJson(page(450, 200, 0, members(0, 200), elsewhere, null))));
		otherOrigin.stubFor(get(urlEqualTo(pageUrl(200, 200)))
			.willReturn(okJson(page(450, 200, 200, members(200, 400), null, null))));
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(members::toList)
			.withMessage("Not following nextPage " + elsewhere + ": its origin " + otherOrigin.baseUrl()
					+ " is not the origin of the first page, " + server.baseUrl());
		assertThat(requestedUrls(otherOrigin)).isEmpty();
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void stopsAtALinkToAnotherHost() {
		String elsewhere = server.baseUrl().replace("localhost", "127.0.0.1") + pageUrl(200, 200);
		server.stubFor(
				get(urlPathEqualTo(MEMBERS)).willReturn(okJson(page(450, 200, 0, members(0, 200), elsewhere, null))));
		List<Member> read = new ArrayList<>();
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(() -> members.forEach(read::add))
			.withMessageContaining("its origin http://127.0.0.1:" + server.getPort())
			.withMessageEndingWith("is not the origin of the first page, http://localhost:" + server.getPort());
		assertThat(read).isEqualTo(members(0, 200));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void stopsAtALinkBackToAPageAlreadyRequested() {
		String first = server.baseUrl() + MEMBERS + "?limit=2";
		server.stubFor(get(urlEqualTo(MEMBERS + "?limit=2"))
			.willReturn(okJson(page(6, 2, 0, members(0, 2), server.baseUrl() + pageUrl(2, 2), null))));
		server.stubFor(get(urlEqualTo(pageUrl(2, 2))).willReturn(okJson(page(6, 2, 2, members(2, 4), first, first))));
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 2);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(() -> members.limit(100).toList())
			.withMessage("Not following nextPage " + first
					+ " again: the pages of this list link back to a page that was already requested");
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2));
	}

	@Test
	void stopsAfterTheMaximumNumberOfPagesTheCallerSets() {
		stubMembers(server, 10, 2);
		List<Member> read = new ArrayList<>();
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, new MaxPages(3), 2);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(() -> members.forEach(read::add))
			.withMessage(tooManyPages(3));
		assertThat(read).isEqualTo(members(0, 6));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2), pageUrl(2, 4));
	}

	@Test
	void readsAListOfExactlyTheMaximumNumberOfPages() {
		stubMembers(server, 6, 2);
		assertThat(PatternHealthPages.pages(this.client, FIRST_PAGE, Member.class, new MaxPages(3), 2)).hasSize(3);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2), pageUrl(2, 4));
	}

	@Test
	void endsWithTheClientsExceptionForAnErrorStatus() {
		server.stubFor(get(urlPathEqualTo(MEMBERS))
			.willReturn(okJson(page(450, 200, 0, members(0, 200), server.baseUrl() + pageUrl(200, 200), null))));
		server.stubFor(get(urlEqualTo(pageUrl(200, 200))).willReturn(notFound()));
		Stream<Member> members = PatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200);
		assertThatExceptionOfType(HttpClientErrorException.NotFound.class).isThrownBy(members::toList);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200));
	}

	@Test
	void followsTheLinksWithAnHttpServiceInterface() {
		stubMembers(server, 450, 200);
		GroupClient groups = groupClient();
		PatternHealthPage<Member> first = groups.members("g", 200);
		assertThat(first.totalCount()).isEqualTo(450);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
		Stream<Member> members = PatternHealthPages.items(first, URI.create(server.baseUrl()), groups::members);
		assertThat(members).containsExactlyElementsOf(members(0, 450));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200), pageUrl(200, 400));
	}

	@Test
	void requestsTheNextPageOnlyWhenNeededWithAnHttpServiceInterface() {
		stubMembers(server, 450, 200);
		GroupClient groups = groupClient();
		Stream<Member> members = PatternHealthPages.items(groups.members("g", 200), URI.create(server.baseUrl()),
				groups::members);
		assertThat(members.limit(3)).containsExactlyElementsOf(members(0, 3));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void stopsAtALinkToAnotherOriginWithAnHttpServiceInterface() {
		String elsewhere = otherOrigin.baseUrl() + pageUrl(200, 200);
		server.stubFor(
				get(urlPathEqualTo(MEMBERS)).willReturn(okJson(page(450, 200, 0, members(0, 200), elsewhere, null))));
		GroupClient groups = groupClient();
		Stream<Member> members = PatternHealthPages.items(groups.members("g", 200), URI.create(server.baseUrl()),
				groups::members);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(members::toList)
			.withMessageContaining("its origin " + otherOrigin.baseUrl());
		assertThat(requestedUrls(otherOrigin)).isEmpty();
	}

	@Test
	void stopsAfterTheMaximumNumberOfPagesTheCallerSetsWithAnHttpServiceInterface() {
		stubMembers(server, 10, 2);
		GroupClient groups = groupClient();
		Stream<Member> members = PatternHealthPages.items(groups.members("g", 2), URI.create(server.baseUrl()),
				new MaxPages(3), groups::members);
		assertThatExceptionOfType(PatternHealthPagingException.class).isThrownBy(members::toList)
			.withMessage(tooManyPages(3));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2), pageUrl(2, 4));
		server.resetRequests();
		Stream<Member> exactly = PatternHealthPages.items(groups.members("g", 2), URI.create(server.baseUrl()),
				new MaxPages(5), groups::members);
		assertThat(exactly).containsExactlyElementsOf(members(0, 10));
		assertThat(requestedUrls(server)).hasSize(5);
	}

	@Test
	void needsNeitherReactorNorSpringWebFlux() throws Exception {
		stubMembers(server, 450, 200);
		try (URLClassLoader classLoader = new WithoutReactor()) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> classLoader.loadClass(Flux.class.getName()));
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> classLoader.loadClass(WebClient.class.getName()));
			Class<?> pages = classLoader.loadClass(PatternHealthPages.class.getName());
			assertThat(pages).isNotSameAs(PatternHealthPages.class);
			assertThat(pages.getDeclaredMethods()).isNotEmpty();
			Method items = pages.getMethod("items", RestClient.class, String.class, Class.class, Object[].class);
			Stream<?> members = (Stream<?>) items.invoke(null, this.client, FIRST_PAGE, Member.class,
					new Object[] { 200 });
			assertThat(members.toList()).isEqualTo(members(0, 450));
			assertThatExceptionOfType(NoClassDefFoundError.class).isThrownBy(
					() -> classLoader.loadClass(ReactivePatternHealthPages.class.getName()).getDeclaredMethods());
		}
	}

	private GroupClient groupClient() {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(this.client))
			.build()
			.createClient(GroupClient.class);
	}

	/**
	 * A Pattern Health group, as an application declares it.
	 */
	interface GroupClient {

		@GetExchange("/api/v1/groups/{group}/members")
		PatternHealthPage<Member> members(@PathVariable("group") String group, @RequestParam("limit") int limit);

		@GetExchange
		PatternHealthPage<Member> members(URI page);

	}

	/**
	 * Loads the classes of {@code com.patternhealth.boot.page} itself, from the main
	 * classes, and finds neither Reactor nor Spring WebFlux.
	 */
	static final class WithoutReactor extends URLClassLoader {

		WithoutReactor() {
			super(new URL[] { PatternHealthPages.class.getProtectionDomain().getCodeSource().getLocation() },
					PatternHealthPagesTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("reactor.") || name.startsWith("org.springframework.web.reactive.")) {
				throw new ClassNotFoundException(name);
			}
			if (name.startsWith(PatternHealthPages.class.getPackageName() + ".")) {
				synchronized (getClassLoadingLock(name)) {
					Class<?> loaded = findLoadedClass(name);
					if (loaded != null) {
						return loaded;
					}
					try {
						return findClass(name);
					}
					catch (ClassNotFoundException ex) {
						// a test class, such as Member
					}
				}
			}
			return super.loadClass(name, resolve);
		}

	}

}
