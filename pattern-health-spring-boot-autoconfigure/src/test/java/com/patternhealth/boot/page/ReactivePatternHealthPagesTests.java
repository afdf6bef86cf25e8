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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.patternhealth.boot.page.MemberPages.Member;
import com.patternhealth.boot.testfixtures.StandInServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.patternhealth.boot.page.MemberPages.MEMBERS;
import static com.patternhealth.boot.page.MemberPages.endlessPage;
import static com.patternhealth.boot.page.MemberPages.members;
import static com.patternhealth.boot.page.MemberPages.page;
import static com.patternhealth.boot.page.MemberPages.pageUrl;
import static com.patternhealth.boot.page.MemberPages.requestedUrls;
import static com.patternhealth.boot.page.MemberPages.stubMembers;
import static com.patternhealth.boot.page.MemberPages.tooManyPages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ReactivePatternHealthPages} against a WireMock stand-in for Pattern
 * Health. The client records each request when it is sent, so that a request sent too
 * early is seen even before it reaches the server.
 */
class ReactivePatternHealthPagesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String FIRST_PAGE = MEMBERS + "?limit={limit}";

	// A server of its own for each test: a request that a test cancels may still reach
	// the server after the test ends, and must not count as a request of the next test
	@RegisterExtension
	final WireMockExtension server = StandInServer.create();

	@RegisterExtension
	final WireMockExtension otherOrigin = StandInServer.otherOrigin();

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final List<String> cancelled = new CopyOnWriteArrayList<>();

	private final List<String> tenants = new CopyOnWriteArrayList<>();

	private WebClient client;

	@BeforeEach
	void createClient() {
		this.client = WebClient.builder()
			.baseUrl(this.server.baseUrl())
			.filter((request, next) -> Mono.deferContextual((context) -> {
				String url = pathAndQuery(request.url());
				this.sent.add(url);
				this.tenants.add(context.getOrDefault("tenant", "none"));
				return next.exchange(request).doOnCancel(() -> this.cancelled.add(url));
			}))
			.build();
	}

	@Test
	void emitsEveryItemOnceAndInOrderAcrossThePages() {
		stubMembers(server, 450, 200);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200))
			.expectNextSequence(members(0, 450))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200), pageUrl(200, 400));
	}

	@Test
	void sendsNoRequestBeforeTheSubscriberAsksForItems() {
		stubMembers(server, 450, 200);
		Flux<Member> members = ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200);
		assertThat(this.sent).isEmpty();
		StepVerifier.create(members, 0)
			.expectSubscription()
			.then(() -> assertThat(this.sent).isEmpty())
			.thenRequest(1)
			.expectNext(new Member("m0", "Member 0"))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void requestsOnePageForTheFirstThreeItems() {
		stubMembers(server, 450, 200);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200).take(3))
			.expectNextSequence(members(0, 3))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.sent).containsExactly(MEMBERS + "?limit=200");
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void requestsTheNextPageOnlyWhenTheSubscriberWantsMoreThanThePagesHold() {
		stubMembers(server, 450, 200);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200), 200)
			.expectNextSequence(members(0, 200))
			.expectNoEvent(Duration.ofMillis(300))
			.then(() -> assertThat(this.sent).containsExactly(MEMBERS + "?limit=200"))
			.thenRequest(1)
			.expectNext(new Member("m200", "Member 200"))
			.then(() -> assertThat(this.sent).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200)))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200));
	}

	@Test
	void requestsOnePageForEachPageTheSubscriberAsksFor() {
		stubMembers(server, 450, 200);
		StepVerifier.create(ReactivePatternHealthPages.pages(this.client, FIRST_PAGE, Member.class, 200), 1)
			.assertNext((page) -> {
				assertThat(page.totalCount()).isEqualTo(450);
				assertThat(page.results()).isEqualTo(members(0, 200));
			})
			.expectNoEvent(Duration.ofMillis(300))
			.then(() -> assertThat(this.sent).containsExactly(MEMBERS + "?limit=200"))
			.thenRequest(1)
			.assertNext((page) -> assertThat(page.offset()).isEqualTo(200))
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200));
	}

	@Test
	void followsTheLinksOfALimitTheServerLowered() {
		stubMembers(server, 450, 200);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 500))
			.expectNextSequence(members(0, 450))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=500", pageUrl(200, 200), pageUrl(200, 400));
	}

	@Test
	void completesAnEmptyListAfterOneRequest() {
		stubMembers(server, 0, 200);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void stopsAtALinkToAnotherOrigin() {
		String elsewhere = otherOrigin.baseUrl() + pageUrl(200, 200);
		server.stubFor(
				get(urlPathEqualTo(MEMBERS)).willReturn(okJson(page(450, 200, 0, members(0, 200), elsewhere, null))));
		otherOrigin.stubFor(get(urlEqualTo(pageUrl(200, 200)))
			.willReturn(okJson(page(450, 200, 200, members(200, 400), null, null))));
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200))
			.expectNextSequence(members(0, 200))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PatternHealthPagingException.class)
				.hasMessage("Not following nextPage " + elsewhere + ": its origin " + otherOrigin.baseUrl()
						+ " is not the origin of the first page, " + server.baseUrl()))
			.verify(TIMEOUT);
		assertThat(this.sent).containsExactly(MEMBERS + "?limit=200");
		assertThat(requestedUrls(otherOrigin)).isEmpty();
	}

	@Test
	void stopsAtALinkBackToAPageAlreadyRequested() {
		String first = server.baseUrl() + MEMBERS + "?limit=2";
		server.stubFor(get(urlEqualTo(MEMBERS + "?limit=2"))
			.willReturn(okJson(page(6, 2, 0, members(0, 2), server.baseUrl() + pageUrl(2, 2), null))));
		server.stubFor(get(urlEqualTo(pageUrl(2, 2))).willReturn(okJson(page(6, 2, 2, members(2, 4), first, first))));
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 2))
			.expectNextSequence(members(0, 4))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PatternHealthPagingException.class)
				.hasMessage("Not following nextPage " + first
						+ " again: the pages of this list link back to a page that was already requested"))
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2));
	}

	@Test
	void stopsAfterTheMaximumNumberOfPagesTheCallerSets() {
		stubMembers(server, 10, 2);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, new MaxPages(3), 2))
			.expectNextSequence(members(0, 6))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOf(PatternHealthPagingException.class).hasMessage(tooManyPages(3)))
			.verify(TIMEOUT);
		assertThat(this.sent).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2), pageUrl(2, 4));
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2), pageUrl(2, 4));
	}

	@Test
	void completesAListOfExactlyTheMaximumNumberOfPages() {
		stubMembers(server, 6, 2);
		StepVerifier.create(ReactivePatternHealthPages.pages(this.client, FIRST_PAGE, Member.class, new MaxPages(3), 2))
			.expectNextCount(3)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=2", pageUrl(2, 2), pageUrl(2, 4));
	}

	@Test
	void stopsAfterTenThousandPagesByDefault() {
		List<URI> requested = new CopyOnWriteArrayList<>();
		WebClient endless = WebClient.builder().baseUrl(server.baseUrl()).clientConnector((method, url, send) -> {
			requested.add(url);
			MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.setBody(endlessPage(url));
			return send.apply(new MockClientHttpRequest(method, url)).thenReturn(response);
		}).build();
		StepVerifier.create(ReactivePatternHealthPages.items(endless, FIRST_PAGE, Member.class, 1))
			.expectNextCount(10_000)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PatternHealthPagingException.class)
				.hasMessage(tooManyPages(10_000)))
			.verify(Duration.ofSeconds(60));
		assertThat(requested).hasSize(10_000).doesNotHaveDuplicates();
		assertThat(requestedUrls(server)).isEmpty();
	}

	@Test
	void endsWithTheClientsExceptionForAnErrorStatus() {
		server.stubFor(get(urlPathEqualTo(MEMBERS))
			.willReturn(okJson(page(450, 200, 0, members(0, 200), server.baseUrl() + pageUrl(200, 200), null))));
		server.stubFor(get(urlEqualTo(pageUrl(200, 200))).willReturn(notFound()));
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200))
			.expectNextCount(200)
			.expectError(WebClientResponseException.NotFound.class)
			.verify(TIMEOUT);
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200));
	}

	@Test
	void neverRequestsTheNextPageWhenTheSubscriberCancelsAfterTheFirstPage() {
		stubMembers(server, 450, 200);
		StepVerifier.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200))
			.expectNextCount(200)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.sent).containsExactly(MEMBERS + "?limit=200");
		assertThat(requestedUrls(server)).containsExactly(MEMBERS + "?limit=200");
	}

	@Test
	void cancelsTheRequestForAPageOnItsWay() {
		stubMembers(server, 450, 200);
		server.stubFor(get(urlEqualTo(pageUrl(200, 200)))
			.willReturn(okJson(page(server, 450, 200, 200)).withFixedDelay(2000)));
		List<Member> received = new CopyOnWriteArrayList<>();
		Disposable subscription = ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200)
			.subscribe(received::add);
		await().atMost(TIMEOUT).until(() -> this.sent.size() == 2);
		subscription.dispose();
		assertThat(this.cancelled).containsExactly(pageUrl(200, 200));
		assertThat(this.sent).containsExactly(MEMBERS + "?limit=200", pageUrl(200, 200));
		assertThat(received).isEqualTo(members(0, 200));
	}

	@Test
	void givesTheSubscribersContextToEveryRequest() {
		stubMembers(server, 450, 200);
		StepVerifier
			.create(ReactivePatternHealthPages.items(this.client, FIRST_PAGE, Member.class, 200)
				.contextWrite(Context.of("tenant", "t-1")))
			.expectNextCount(450)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.tenants).containsExactly("t-1", "t-1", "t-1");
	}

	private static String pathAndQuery(URI url) {
		return url.getRawPath() + ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "");
	}

}
