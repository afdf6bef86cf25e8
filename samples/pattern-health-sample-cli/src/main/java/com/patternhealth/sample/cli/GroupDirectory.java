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

package com.patternhealth.sample.cli;

import com.patternhealth.boot.page.ReactivePatternHealthPages;
import com.patternhealth.boot.web.PatternHealth;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads the members and tasks of a Pattern Health group with the starter's
 * {@code WebClient}: {@link ReactivePatternHealthPages} follows the {@code nextPage}
 * links, to Pattern Health's origin only, requesting each page as the subscriber asks.
 *
 * @author Pattern Health Spring Boot authors
 */
@Component
public class GroupDirectory {

	private final WebClient patternHealth;

	private final int pageSize;

	public GroupDirectory(@PatternHealth WebClient patternHealth, SampleProperties properties) {
		this.patternHealth = patternHealth;
		this.pageSize = properties.pageSize();
	}

	public Flux<Member> members(String groupId) {
		return ReactivePatternHealthPages.items(this.patternHealth, "/api/v1/groups/{group}/members?limit={limit}",
				Member.class, groupId, this.pageSize);
	}

	public Flux<Task> tasks(String groupId) {
		return ReactivePatternHealthPages.items(this.patternHealth, "/api/v1/groups/{group}/tasks?limit={limit}",
				Task.class, groupId, this.pageSize);
	}

	/**
	 * A member of a group. Pattern Health does not document these fields; they are those
	 * of the stand-in's example group.
	 *
	 * @param id the id of the member
	 * @param firstName the first name
	 * @param lastName the last name
	 */
	public record Member(String id, @Nullable String firstName, @Nullable String lastName) {

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
	public record Task(String id, @Nullable String title, @Nullable String status, @Nullable String taskDate) {

	}

}
