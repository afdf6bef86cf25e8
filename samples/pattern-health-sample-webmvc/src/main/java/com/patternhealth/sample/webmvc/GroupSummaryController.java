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

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.patternhealth.sample.webmvc.GroupClient.Member;
import com.patternhealth.sample.webmvc.GroupClient.Task;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Summarizes a Pattern Health group: the names of its members and its tasks counted by
 * status.
 *
 * @author Pattern Health Spring Boot authors
 */
@RestController
public class GroupSummaryController {

	private final GroupDirectory directory;

	public GroupSummaryController(GroupDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/groups/{groupId}/summary")
	public GroupSummary summary(@PathVariable String groupId) {
		// Spring MVC gives each request its own thread: the calls block it, one page at a
		// time, and share one token
		return GroupSummary.of(groupId, this.directory.members(groupId), this.directory.tasks(groupId));
	}

	@ExceptionHandler
	ProblemDetail groupNotFound(HttpClientErrorException.NotFound ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Pattern Health has no such group");
	}

	/**
	 * The summary of a group.
	 *
	 * @param groupId the id of the group
	 * @param members the names of its members
	 * @param tasksByStatus the number of its tasks in each status
	 */
	public record GroupSummary(String groupId, List<String> members, Map<String, Long> tasksByStatus) {

		/**
		 * Summarize a group, reading its members first, then its tasks.
		 * @param groupId the id of the group
		 * @param members its members, read as the summary needs them
		 * @param tasks its tasks, read as the summary needs them
		 * @return the summary
		 */
		public static GroupSummary of(String groupId, Stream<Member> members, Stream<Task> tasks) {
			List<String> names = members.map(Member::name).toList();
			Map<String, Long> tasksByStatus = tasks.collect(Collectors
				.groupingBy((task) -> String.valueOf(task.status()), TreeMap::new, Collectors.counting()));
			return new GroupSummary(groupId, names, tasksByStatus);
		}

	}

}
