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

package com.patternhealth.sample.webmvc;

import java.net.URI;

import com.patternhealth.boot.page.PatternHealthPage;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The Pattern Health endpoints of a group that the sample reads, as an HTTP service
 * interface. It is imported in the {@code patternhealth} group, whose {@code RestClient}
 * the starter points at {@code patternhealth.base-url} with the bearer token.
 *
 * @author Pattern Health Spring Boot authors
 */
@HttpExchange("/api/v1/groups/{group}")
public interface GroupClient {

	@GetExchange("/members")
	PatternHealthPage<Member> members(@PathVariable String group, @RequestParam int limit);

	/**
	 * Return the page of members at a {@code nextPage} link.
	 * @param page the absolute URL of the page
	 * @return the page
	 */
	@GetExchange
	PatternHealthPage<Member> members(URI page);

	@GetExchange("/tasks")
	PatternHealthPage<Task> tasks(@PathVariable String group, @RequestParam int limit);

	/**
	 * Return the page of tasks at a {@code nextPage} link.
	 * @param page the absolute URL of the page
	 * @return the page
	 */
	@GetExchange
	PatternHealthPage<Task> tasks(URI page);

	/**
	 * A member of a group. Pattern Health does not document these fields; they are those
	 * of the stand-in's example group.
	 *
	 * @param id the id of the member
	 * @param firstName the first name
	 * @param lastName the last name
	 */
	record Member(String id, @Nullable String firstName, @Nullable String lastName) {

		public String name() {
			return (this.firstName != null || this.lastName != null) ? ((this.firstName != null) ? this.firstName : "")
					+ " " + ((this.lastName != null) ? this.lastName : "") : this.id;
		}

	}

	/**
	 * A task of a group. Pattern Health does not document these fields; they are those of
	 * the stand-in's example group.
	 *
	 * @param id the id of the task
	 * @param title the title
	 * @param status the status
	 * @param taskDate the day the task is due, {@code yyyy-MM-dd}
	 */
	record Task(String id, @Nullable String title, @Nullable String status, @Nullable String taskDate) {

	}

}
