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

/**
 * Thrown when the pages of a list cannot be followed safely: a {@code nextPage} link
 * leads to another origin than the first page's, or back to a page already requested, or
 * past the {@link MaxPages maximum number of pages}, or a request for a page was answered
 * without one. The items read before it was thrown are valid.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public class PatternHealthPagingException extends IllegalStateException {

	PatternHealthPagingException(String message) {
		super(message);
	}

	static PatternHealthPagingException otherOrigin(URI link, String linkOrigin, String expectedOrigin) {
		return new PatternHealthPagingException("Not following nextPage " + link + ": its origin " + linkOrigin
				+ " is not the origin of the first page, " + expectedOrigin);
	}

	static PatternHealthPagingException repeatedLink(URI link) {
		return new PatternHealthPagingException("Not following nextPage " + link
				+ " again: the pages of this list link back to a page that was already requested");
	}

	static PatternHealthPagingException tooManyPages(int maxPages, URI link) {
		return new PatternHealthPagingException(
				"Stopped following nextPage after " + maxPages + ((maxPages != 1) ? " pages" : " page") + " of "
						+ link.getRawPath() + "; raise the maximum number of pages if the list is really that long");
	}

	static PatternHealthPagingException noPage(URI url) {
		return new PatternHealthPagingException(url + " answered no page");
	}

	static PatternHealthPagingException unknownUrl(String uriTemplate) {
		return new PatternHealthPagingException("Cannot tell the origin of the first page of " + uriTemplate
				+ ": no HTTP request was sent for it, so no nextPage link can be checked");
	}

}
