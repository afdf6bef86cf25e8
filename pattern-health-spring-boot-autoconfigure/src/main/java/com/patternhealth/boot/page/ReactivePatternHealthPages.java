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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads every item of a paged Pattern Health list with a {@link WebClient}, following the
 * {@code nextPage} links of its pages. The fluxes follow the subscriber's demand: a page
 * is requested only when the subscriber wants more items than the pages received hold, so
 * that {@code items(...).take(3)} requests one page, and cancelling stops the paging,
 * cancelling the request on its way.
 * <p>
 * A {@code nextPage} link is followed only to the origin (scheme, host and port) of the
 * first page, only once, and only up to a {@link MaxPages maximum number of pages}
 * (10,000 unless given); otherwise the flux ends with a
 * {@link PatternHealthPagingException}. A {@code limit} that the API lowered is
 * respected, since the links are followed as given. An error status ends the flux with
 * the exception the client raises for it, such as {@code WebClientResponseException}.
 * Every request is sent with the subscriber's context, so that the client's filters see
 * it as they see the context of the client's other requests, from the first page on.
 * <pre class="code">
 * Flux&lt;Member&gt; members = ReactivePatternHealthPages
 *     .items(webClient, "/api/v1/groups/{group}/members?limit=200", Member.class, groupId);
 * </pre>
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 * @see PatternHealthPages
 */
public final class ReactivePatternHealthPages {

	private ReactivePatternHealthPages() {
	}

	/**
	 * Return the items of a list, in order, requesting its pages with the given client as
	 * the subscriber's demand needs them, at most {@link MaxPages#DEFAULT} pages.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code WebClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param uriVariables the values of the template's variables
	 * @return the items of every page
	 */
	public static <T> Flux<T> items(WebClient client, String uriTemplate, Class<T> elementType,
			@Nullable Object... uriVariables) {
		return items(client, uriTemplate, elementType, MaxPages.DEFAULT, uriVariables);
	}

	/**
	 * Return the items of a list, in order, requesting its pages with the given client as
	 * the subscriber's demand needs them.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code WebClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param maxPages the greatest number of pages to request, past which the flux ends
	 * with a {@link PatternHealthPagingException}
	 * @param uriVariables the values of the template's variables
	 * @return the items of every page
	 */
	public static <T> Flux<T> items(WebClient client, String uriTemplate, Class<T> elementType, MaxPages maxPages,
			@Nullable Object... uriVariables) {
		return flux(client, uriTemplate, elementType, maxPages, uriVariables, (page) -> page.results().iterator());
	}

	/**
	 * Return the pages of a list, in order, requesting each when the subscriber asks for
	 * it, at most {@link MaxPages#DEFAULT} pages. The first page gives the
	 * {@link PatternHealthPage#totalCount() totalCount}: for example,
	 * {@code pages(...).next()} requests one page.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code WebClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param uriVariables the values of the template's variables
	 * @return every page of the list
	 */
	public static <T> Flux<PatternHealthPage<T>> pages(WebClient client, String uriTemplate, Class<T> elementType,
			@Nullable Object... uriVariables) {
		return pages(client, uriTemplate, elementType, MaxPages.DEFAULT, uriVariables);
	}

	/**
	 * Return the pages of a list, in order, requesting each when the subscriber asks for
	 * it. The first page gives the {@link PatternHealthPage#totalCount() totalCount}: for
	 * example, {@code pages(...).next()} requests one page.
	 * @param <T> the type of the items
	 * @param client the client, for example the application's Pattern Health
	 * {@code WebClient}
	 * @param uriTemplate the URI template of the first page, relative to the client's
	 * base URL or absolute
	 * @param elementType the type the items are read as
	 * @param maxPages the greatest number of pages to request, past which the flux ends
	 * with a {@link PatternHealthPagingException}
	 * @param uriVariables the values of the template's variables
	 * @return every page of the list
	 */
	public static <T> Flux<PatternHealthPage<T>> pages(WebClient client, String uriTemplate, Class<T> elementType,
			MaxPages maxPages, @Nullable Object... uriVariables) {
		return flux(client, uriTemplate, elementType, maxPages, uriVariables, (page) -> List.of(page).iterator());
	}

	private static <T, E> Flux<E> flux(WebClient client, String uriTemplate, Class<T> elementType, MaxPages maxPages,
			@Nullable Object[] uriVariables, Function<PatternHealthPage<T>, Iterator<E>> elements) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(uriTemplate, "'uriTemplate' must not be empty");
		Assert.notNull(elementType, "'elementType' must not be null");
		Assert.notNull(maxPages, "'maxPages' must not be null");
		ParameterizedTypeReference<PatternHealthPage<T>> type = PatternHealthPages.pageType(elementType);
		Mono<RequestedPage<T>> firstPage = Mono.defer(() -> {
			AtomicReference<@Nullable URI> url = new AtomicReference<>();
			return client.get()
				.uri(uriTemplate, uriVariables)
				.httpRequest((request) -> url.set(request.getURI()))
				.retrieve()
				.bodyToMono(type)
				.map((page) -> RequestedPage.first(url.get(), page, uriTemplate))
				.switchIfEmpty(Mono.fromSupplier(() -> RequestedPage.first(url.get(), null, uriTemplate)));
		});
		return PageEmitter.flux(firstPage, (url) -> client.get().uri(url).retrieve().bodyToMono(type), elements,
				maxPages);
	}

}
