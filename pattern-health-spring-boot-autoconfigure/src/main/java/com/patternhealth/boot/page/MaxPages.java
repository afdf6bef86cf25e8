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

import org.springframework.util.Assert;

/**
 * The greatest number of pages to request for one list, the first page included. When the
 * last page allowed still links to a next page, paging stops with a
 * {@link PatternHealthPagingException} instead of requesting it, so that a server whose
 * every page links to a new page cannot keep a caller requesting pages forever.
 * <pre class="code">
 * Stream&lt;Member&gt; members = PatternHealthPages.items(restClient,
 *     "/api/v1/groups/{group}/members?limit=200", Member.class, new MaxPages(50_000), groupId);
 * </pre>
 *
 * @param value the greatest number of pages, at least 1
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 * @see PatternHealthPages
 * @see ReactivePatternHealthPages
 */
public record MaxPages(int value) {

	/**
	 * The bound of the methods that take none: 10,000 pages. That is a million items at a
	 * {@code limit} of 100 items a page, more than a Pattern Health list is expected to
	 * hold, while a server that links on without end is stopped after 10,000 requests
	 * rather than never, and the URLs kept to refuse a page requested twice, one a page,
	 * are never more than 10,000.
	 */
	public static final MaxPages DEFAULT = new MaxPages(10_000);

	/**
	 * Create a bound.
	 * @param value the greatest number of pages, at least 1
	 */
	public MaxPages {
		Assert.isTrue(value >= 1, () -> "The maximum number of pages must be at least 1, not " + value);
	}

}
