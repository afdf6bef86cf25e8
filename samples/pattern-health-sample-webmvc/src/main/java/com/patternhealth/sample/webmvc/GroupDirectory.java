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
import java.util.stream.Stream;

import com.patternhealth.boot.page.PatternHealthPages;
import com.patternhealth.sample.webmvc.GroupClient.Member;
import com.patternhealth.sample.webmvc.GroupClient.Task;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads every member and task of a Pattern Health group through {@link GroupClient}:
 * {@link PatternHealthPages} follows the {@code nextPage} links, to Pattern Health's
 * origin only, requesting each page when the stream needs it.
 *
 * @author Pattern Health Spring Boot authors
 */
@Component
public class GroupDirectory {

	private final GroupClient groups;

	private final URI patternHealth;

	private final int pageSize;

	public GroupDirectory(GroupClient groups, @Value("${patternhealth.base-url}") URI patternHealth,
			@Value("${sample.page-size:200}") int pageSize) {
		this.groups = groups;
		this.patternHealth = patternHealth;
		this.pageSize = pageSize;
	}

	public Stream<Member> members(String groupId) {
		return PatternHealthPages.items(this.groups.members(groupId, this.pageSize), this.patternHealth,
				this.groups::members);
	}

	public Stream<Task> tasks(String groupId) {
		return PatternHealthPages.items(this.groups.tasks(groupId, this.pageSize), this.patternHealth,
				this.groups::tasks);
	}

}
