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

import java.net.URI;
import java.util.List;

import com.patternhealth.boot.web.PatternHealth;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads the members and tasks of a Pattern Health group with the starter's
 * {@code WebClient}, following the {@code nextPage} links.
 *
 * @author Pattern Health Spring Boot authors
 */
@Component
public class GroupDirectory {

	private static final ParameterizedTypeReference<Page<Member>> MEMBERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<Task>> TASKS = new ParameterizedTypeReference<>() {
	};

	private final WebClient patternHealth;

	private final int pageSize;

	public GroupDirectory(@PatternHealth WebClient patternHealth, SampleProperties properties) {
		this.patternHealth = patternHealth;
		this.pageSize = properties.pageSize();
	}

	public Flux<Member> members(String groupId) {
		return all("/api/v1/groups/{group}/members?limit={limit}", groupId, MEMBERS);
	}

	public Flux<Task> tasks(String groupId) {
		return all("/api/v1/groups/{group}/tasks?limit={limit}", groupId, TASKS);
	}

	private <T> Flux<T> all(String path, String groupId, ParameterizedTypeReference<Page<T>> type) {
		Mono<Page<T>> first = this.patternHealth.get().uri(path, groupId, this.pageSize).retrieve().bodyToMono(type);
		return first.expand((page) -> (page.nextPage() != null)
				? this.patternHealth.get().uri(URI.create(page.nextPage())).retrieve().bodyToMono(type) : Mono.empty())
			.concatMapIterable(Page::results);
	}

	/**
	 * One page of a Pattern Health collection.
	 *
	 * @param <T> the type of the items
	 * @param totalCount the number of items in the whole collection
	 * @param results the items of this page
	 * @param nextPage the absolute URL of the next page, if any
	 */
	public record Page<T>(int totalCount, List<T> results, @Nullable String nextPage) {

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
