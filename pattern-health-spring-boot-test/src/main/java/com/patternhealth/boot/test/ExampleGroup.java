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

package com.patternhealth.boot.test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members and tasks of {@link PatternHealthStandIn#EXAMPLE_GROUP_ID}.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ExampleGroup {

	private static final String[][] MEMBERS = { { "7c1e5a0b-3b8e-4f4e-9d55-0a1f2b3c4d01", "Ada", "Lovelace" },
			{ "7c1e5a0b-3b8e-4f4e-9d55-0a1f2b3c4d02", "Grace", "Hopper" },
			{ "7c1e5a0b-3b8e-4f4e-9d55-0a1f2b3c4d03", "Alan", "Turing" },
			{ "7c1e5a0b-3b8e-4f4e-9d55-0a1f2b3c4d04", "Katherine", "Johnson" },
			{ "7c1e5a0b-3b8e-4f4e-9d55-0a1f2b3c4d05", "Edsger", "Dijkstra" } };

	private static final String[][] TASKS = {
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d01", "Morning blood pressure", "measurement", "COMPLETE",
					"2026-03-02" },
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d02", "Weekly wellbeing survey", "survey", "COMPLETE", "2026-03-02" },
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d03", "Take metformin", "medication", "INCOMPLETE", "2026-03-03" },
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d04", "Evening walk", "activity", "COMPLETE", "2026-03-03" },
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d05", "Sleep diary", "survey", "INCOMPLETE", "2026-03-04" },
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d06", "Weight check", "measurement", "SCHEDULED", "2026-03-05" },
			{ "b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d07", "Care team call", "appointment", "SCHEDULED", "2026-03-06" } };

	private ExampleGroup() {
	}

	static List<Map<String, Object>> members(String groupId) {
		return Arrays.stream(MEMBERS).map((member) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", member[0]);
			item.put("firstName", member[1]);
			item.put("lastName", member[2]);
			item.put("links", Map.of("self",
					link("/api/v1/groups/" + groupId + "/members/" + member[0], member[1] + " " + member[2])));
			return item;
		}).toList();
	}

	static List<Map<String, Object>> tasks(String groupId) {
		return Arrays.stream(TASKS).map((task) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", task[0]);
			item.put("title", task[1]);
			item.put("type", task[2]);
			item.put("status", task[3]);
			item.put("taskDate", task[4]);
			item.put("links", Map.of("self", link("/api/v1/groups/" + groupId + "/tasks/" + task[0], task[1])));
			return item;
		}).toList();
	}

	private static Map<String, String> link(String href, String title) {
		Map<String, String> link = new LinkedHashMap<>();
		link.put("href", href);
		link.put("title", title);
		return link;
	}

}
