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
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Pattern Health list, as the API answers every list request. Fields the
 * API adds are ignored, and absent {@code results} read as an empty list.
 *
 * @param <T> the type of the items
 * @param totalCount the number of items in the whole list
 * @param limit the greatest number of items in a page, which the API may have lowered
 * from the {@code limit} that was asked for
 * @param offset the position of this page's first item in the whole list
 * @param results the items of this page
 * @param nextPage the absolute URL of the next page, or {@code null} on the last page
 * @param previousPage the absolute URL of the previous page, or {@code null} on the first
 * page
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 * @see PatternHealthPages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatternHealthPage<T>(long totalCount, int limit, long offset, List<T> results, @Nullable URI nextPage,
		@Nullable URI previousPage) {

	public PatternHealthPage {
		results = (results != null) ? Collections.unmodifiableList(results) : List.of();
	}

}
