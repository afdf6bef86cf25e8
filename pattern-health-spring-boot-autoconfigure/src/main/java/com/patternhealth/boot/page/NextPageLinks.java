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
import java.util.HashSet;
import java.util.Set;

import com.patternhealth.boot.origin.PatternHealthOrigin;

/**
 * Decides whether a {@code nextPage} link may be followed: only to the origin (scheme,
 * host and port) of the list's first page, only once, and only while fewer pages than the
 * maximum were requested. One instance serves one reading of one list and is not
 * thread-safe.
 *
 * @author Pattern Health Spring Boot authors
 */
final class NextPageLinks {

	private final URI firstPage;

	private final PatternHealthOrigin origin;

	private final int maxPages;

	private final Set<URI> requested = new HashSet<>();

	/**
	 * Create the links of a list whose first page was requested from the given URL.
	 * @param firstPage the URL of the first page, or another URL of its origin
	 * @param maxPages the greatest number of pages to request, the first page included
	 */
	NextPageLinks(URI firstPage, MaxPages maxPages) {
		this.firstPage = firstPage;
		this.origin = PatternHealthOrigin.of(firstPage);
		this.maxPages = maxPages.value();
		this.requested.add(firstPage);
	}

	/**
	 * Return the URL to request for a {@code nextPage} link, a relative link being
	 * resolved against the first page, and remember it as requested.
	 * @param link the {@code nextPage} of the page just read
	 * @return the absolute URL of the next page
	 * @throws PatternHealthPagingException if the link leads to another origin or to a
	 * page already requested, or if the maximum number of pages was requested
	 */
	URI follow(URI link) {
		URI next = this.firstPage.resolve(link);
		if (!this.origin.matches(next)) {
			throw PatternHealthPagingException.otherOrigin(next, PatternHealthOrigin.of(next).toString(),
					this.origin.toString());
		}
		if (this.requested.contains(next)) {
			throw PatternHealthPagingException.repeatedLink(next);
		}
		if (this.requested.size() >= this.maxPages) {
			throw PatternHealthPagingException.tooManyPages(this.maxPages, next);
		}
		this.requested.add(next);
		return next;
	}

}
