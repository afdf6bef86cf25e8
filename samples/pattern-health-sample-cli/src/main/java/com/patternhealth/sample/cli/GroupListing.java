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

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Prints the members and tasks of the configured group.
 *
 * @author Pattern Health Spring Boot authors
 */
@Component
public class GroupListing implements CommandLineRunner {

	private final GroupDirectory directory;

	private final String groupId;

	private final PrintStream out = System.out;

	public GroupListing(GroupDirectory directory, SampleProperties properties) {
		this.directory = directory;
		this.groupId = properties.groupId();
	}

	@Override
	public void run(String... args) {
		try {
			List<GroupDirectory.Member> members = this.directory.members(this.groupId).collectList().block();
			List<GroupDirectory.Task> tasks = this.directory.tasks(this.groupId).collectList().block();
			this.out.println();
			this.out.println("Members of group " + this.groupId + " (" + members.size() + "):");
			members.forEach((member) -> this.out.println("  " + member.name()));
			this.out.println("Tasks (" + tasks.size() + "):");
			tasks.forEach(
					(task) -> this.out.printf("  %-10s  %-10s  %s%n", task.taskDate(), task.status(), task.title()));
			this.out.println();
		}
		catch (WebClientResponseException.NotFound ex) {
			this.out.println("Pattern Health has no group " + this.groupId
					+ " (404). Set sample.group-id (or SAMPLE_GROUPID) to the id of one of your groups.");
		}
	}

}
