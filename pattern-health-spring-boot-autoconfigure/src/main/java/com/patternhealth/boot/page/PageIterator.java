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
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Iterates over the pages of a list, requesting each page only when {@link #hasNext()}
 * needs it, and following {@code nextPage} links as {@link NextPageLinks} allows.
 *
 * @param <T> the type of the items
 * @author Pattern Health Spring Boot authors
 */
final class PageIterator<T> implements Iterator<PatternHealthPage<T>> {

	private final Supplier<RequestedPage<T>> firstPage;

	private final Function<URI, @Nullable PatternHealthPage<T>> nextPage;

	private final MaxPages maxPages;

	private @Nullable NextPageLinks links;

	private @Nullable PatternHealthPage<T> last;

	private @Nullable PatternHealthPage<T> ahead;

	/**
	 * Create an iterator.
	 * @param firstPage requests the first page
	 * @param nextPage requests the page at an absolute URL
	 * @param maxPages the greatest number of pages to request
	 */
	PageIterator(Supplier<RequestedPage<T>> firstPage, Function<URI, @Nullable PatternHealthPage<T>> nextPage,
			MaxPages maxPages) {
		this.firstPage = firstPage;
		this.nextPage = nextPage;
		this.maxPages = maxPages;
	}

	@Override
	public boolean hasNext() {
		if (this.ahead == null) {
			this.ahead = request();
		}
		return this.ahead != null;
	}

	@Override
	public PatternHealthPage<T> next() {
		PatternHealthPage<T> page = (hasNext()) ? this.ahead : null;
		if (page == null) {
			throw new NoSuchElementException();
		}
		this.ahead = null;
		this.last = page;
		return page;
	}

	private @Nullable PatternHealthPage<T> request() {
		if (this.links == null) {
			RequestedPage<T> first = this.firstPage.get();
			this.links = new NextPageLinks(first.url(), this.maxPages);
			return first.page();
		}
		URI link = (this.last != null) ? this.last.nextPage() : null;
		if (link == null) {
			return null;
		}
		URI url = this.links.follow(link);
		return RequestedPage.required(this.nextPage.apply(url), url);
	}

}
