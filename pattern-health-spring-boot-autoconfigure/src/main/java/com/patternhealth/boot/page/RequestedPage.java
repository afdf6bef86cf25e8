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

import org.jspecify.annotations.Nullable;

/**
 * A page together with the URL it was requested from.
 *
 * @param <T> the type of the items
 * @param url the URL the page was requested from
 * @param page the page
 * @author Pattern Health Spring Boot authors
 */
record RequestedPage<T>(URI url, PatternHealthPage<T> page) {

	/**
	 * Return the first page of a list, failing when its URL is unknown (no HTTP request
	 * was sent, a filter or interceptor answered instead) or when no page was answered.
	 * @param <T> the type of the items
	 * @param url the URL of the request, or {@code null} if none was sent
	 * @param page the page answered, or {@code null} if the answer had no body
	 * @param uriTemplate the URI template the first page was requested with
	 * @return the first page and its URL
	 */
	static <T> RequestedPage<T> first(@Nullable URI url, @Nullable PatternHealthPage<T> page, String uriTemplate) {
		if (url == null) {
			throw PatternHealthPagingException.unknownUrl(uriTemplate);
		}
		return new RequestedPage<>(url, required(page, url));
	}

	/**
	 * Return the page, failing when no page was answered.
	 * @param <T> the type of the items
	 * @param page the page answered, or {@code null} if the answer had no body
	 * @param url the URL of the request
	 * @return the page
	 */
	static <T> PatternHealthPage<T> required(@Nullable PatternHealthPage<T> page, URI url) {
		if (page == null) {
			throw PatternHealthPagingException.noPage(url);
		}
		return page;
	}

}
