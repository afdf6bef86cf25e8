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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * Reads every item of a paged Pattern Health list with a {@link RestClient} or an HTTP
 * service interface, following the {@code nextPage} links of its pages. The streams are
 * lazy: a page is requested only when the items read so far are used up, so that
 * {@code items(...).limit(3)} requests one page. For a {@code WebClient}, see
 * {@link ReactivePatternHealthPages}; this class needs neither Spring WebFlux nor
 * Reactor.
 * <p>
 * A {@code nextPage} link is followed only to the origin (scheme, host and port) of the
 * first page, only once, and only up to a {@link MaxPages maximum number of pages}
 * (10,000 unless given); otherwise the stream ends with a
 * {@link PatternHealthPagingException}. A {@code limit} that the API lowered is
 * respected, since the links are followed as given. An error status ends the stream with
 * the exception the client raises for it, such as {@code HttpClientErrorException}.
 * <pre class="code">
 * List&lt;Member&gt; members = PatternHealthPages
 *     .items(restClient, "/api/v1/groups/{group}/members?limit=200", Member.class, groupId)
 *     .toList();
 * </pre>
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public final class PatternHealthPages {

	private PatternHealthPages() {
	}

	/**
	 * Return the items of a list, in order, requesting its pages with the given client as
	 * the stream needs them, at most {@link MaxPages#DEFAULT} pages. No request is sent
	 * before the stream's terminal operation.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code RestClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param uriVariables the values of the template's variables
	 * @return the items of every page
	 */
	public static <T> Stream<T> items(RestClient client, String uriTemplate, Class<T> elementType,
			@Nullable Object... uriVariables) {
		return items(client, uriTemplate, elementType, MaxPages.DEFAULT, uriVariables);
	}

	/**
	 * Return the items of a list, in order, requesting its pages with the given client as
	 * the stream needs them. No request is sent before the stream's terminal operation.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code RestClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param maxPages the greatest number of pages to request, past which the stream ends
	 * with a {@link PatternHealthPagingException}
	 * @param uriVariables the values of the template's variables
	 * @return the items of every page
	 */
	public static <T> Stream<T> items(RestClient client, String uriTemplate, Class<T> elementType, MaxPages maxPages,
			@Nullable Object... uriVariables) {
		return pages(client, uriTemplate, elementType, maxPages, uriVariables)
			.flatMap((page) -> page.results().stream());
	}

	/**
	 * Return the pages of a list, in order, requesting each as the stream needs it, at
	 * most {@link MaxPages#DEFAULT} pages. The first page gives the
	 * {@link PatternHealthPage#totalCount() totalCount}: for example,
	 * {@code pages(...).findFirst()} requests one page. No request is sent before the
	 * stream's terminal operation.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code RestClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param uriVariables the values of the template's variables
	 * @return every page of the list
	 */
	public static <T> Stream<PatternHealthPage<T>> pages(RestClient client, String uriTemplate, Class<T> elementType,
			@Nullable Object... uriVariables) {
		return pages(client, uriTemplate, elementType, MaxPages.DEFAULT, uriVariables);
	}

	/**
	 * Return the pages of a list, in order, requesting each as the stream needs it. The
	 * first page gives the {@link PatternHealthPage#totalCount() totalCount}: for
	 * example, {@code pages(...).findFirst()} requests one page. No request is sent
	 * before the stream's terminal operation.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code RestClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param maxPages the greatest number of pages to request, past which the stream ends
	 * with a {@link PatternHealthPagingException}
	 * @param uriVariables the values of the template's variables
	 * @return every page of the list
	 */
	public static <T> Stream<PatternHealthPage<T>> pages(RestClient client, String uriTemplate, Class<T> elementType,
			MaxPages maxPages, @Nullable Object... uriVariables) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(uriTemplate, "'uriTemplate' must not be empty");
		Assert.notNull(elementType, "'elementType' must not be null");
		Assert.notNull(maxPages, "'maxPages' must not be null");
		ParameterizedTypeReference<PatternHealthPage<T>> type = pageType(elementType);
		return pages(() -> {
			AtomicReference<@Nullable URI> url = new AtomicReference<>();
			PatternHealthPage<T> page = client.get()
				.uri(uriTemplate, uriVariables)
				.httpRequest((request) -> url.set(request.getURI()))
				.retrieve()
				.body(type);
			return RequestedPage.first(url.get(), page, uriTemplate);
		}, (url) -> client.get().uri(url).retrieve().body(type), maxPages);
	}

	/**
	 * Return the items of a list, in order, from its first page on, requesting the next
	 * pages as the stream needs them, at most {@link MaxPages#DEFAULT} pages in all.
	 * Suits an HTTP service interface, whose method with a {@link URI} parameter requests
	 * that absolute URL: <pre class="code">
	 * &#64;HttpExchange("/api/v1/groups/{group}")
	 * interface GroupClient {
	 *
	 *     &#64;GetExchange("/members")
	 *     PatternHealthPage&lt;Member&gt; members(&#64;PathVariable String group, &#64;RequestParam int limit);
	 *
	 *     &#64;GetExchange
	 *     PatternHealthPage&lt;Member&gt; members(URI page);
	 *
	 * }
	 *
	 * PatternHealthPage&lt;Member&gt; first = groups.members(groupId, 200);
	 * Stream&lt;Member&gt; members = PatternHealthPages.items(first, baseUrl, groups::members);
	 * </pre>
	 * @param <T> the type of the items
	 * @param firstPage the first page, already read
	 * @param origin the URL of the first page, or another URL of its origin such as the
	 * client's base URL: only links to its scheme, host and port are followed
	 * @param nextPage requests the page at an absolute URL
	 * @return the items of every page
	 */
	public static <T> Stream<T> items(PatternHealthPage<T> firstPage, URI origin,
			Function<URI, PatternHealthPage<T>> nextPage) {
		return items(firstPage, origin, MaxPages.DEFAULT, nextPage);
	}

	/**
	 * Return the items of a list, in order, from its first page on, requesting the next
	 * pages as the stream needs them, as {@link #items(PatternHealthPage, URI, Function)}
	 * does but with a bound of one's own.
	 * @param <T> the type of the items
	 * @param firstPage the first page, already read
	 * @param origin the URL of the first page, or another URL of its origin such as the
	 * client's base URL: only links to its scheme, host and port are followed
	 * @param maxPages the greatest number of pages to request, the first page included,
	 * past which the stream ends with a {@link PatternHealthPagingException}
	 * @param nextPage requests the page at an absolute URL
	 * @return the items of every page
	 */
	public static <T> Stream<T> items(PatternHealthPage<T> firstPage, URI origin, MaxPages maxPages,
			Function<URI, PatternHealthPage<T>> nextPage) {
		Assert.notNull(firstPage, "'firstPage' must not be null");
		Assert.isTrue(origin.isAbsolute(), "'origin' must be an absolute URL");
		Assert.notNull(maxPages, "'maxPages' must not be null");
		Assert.notNull(nextPage, "'nextPage' must not be null");
		return pages(() -> new RequestedPage<>(origin, firstPage), nextPage::apply, maxPages)
			.flatMap((page) -> page.results().stream());
	}

	static <T> ParameterizedTypeReference<PatternHealthPage<T>> pageType(Class<T> elementType) {
		return ParameterizedTypeReference
			.forType(ResolvableType.forClassWithGenerics(PatternHealthPage.class, elementType).getType());
	}

	private static <T> Stream<PatternHealthPage<T>> pages(Supplier<RequestedPage<T>> firstPage,
			Function<URI, @Nullable PatternHealthPage<T>> nextPage, MaxPages maxPages) {
		PageIterator<T> pages = new PageIterator<>(firstPage, nextPage, maxPages);
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

}
