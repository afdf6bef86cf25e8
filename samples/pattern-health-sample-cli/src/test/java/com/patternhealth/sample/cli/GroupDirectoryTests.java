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

import java.util.List;
import java.util.Map;

import com.patternhealth.boot.test.AutoConfigurePatternHealthStandIn;
import com.patternhealth.boot.test.PatternHealthStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link GroupDirectory} against the stand-in, as an application tests its own
 * code that calls Pattern Health.
 */
@SpringBootTest(properties = { "sample.group-id=g1", "sample.page-size=2" })
@AutoConfigurePatternHealthStandIn
class GroupDirectoryTests {

	@Autowired
	private GroupDirectory directory;

	@Autowired
	private PatternHealthStandIn patternHealth;

	@BeforeEach
	void seed() {
		this.patternHealth.setMembers("g1", List.of(Map.of("id", "m1", "firstName", "Ada", "lastName", "Lovelace"),
				Map.of("id", "m2", "firstName", "Grace"), Map.of("id", "m3")));
	}

	@Test
	void readsEveryPageWithTheStartersToken() {
		assertThat(this.directory.members("g1").map(GroupDirectory.Member::name).collectList().block())
			.containsExactly("Ada Lovelace", "Grace ", "m3");
		assertThat(this.patternHealth.apiRequestCount()).isEqualTo(2);
		assertThat(this.patternHealth.wireMock().getAllServeEvents()).extracting((event) -> event.getRequest().getUrl())
			.contains("/api/v1/groups/g1/members?limit=2", "/api/v1/groups/g1/members?limit=2&offset=2");
		assertThat(this.patternHealth.lastAuthorizationHeader()).startsWith("Bearer stand-in-");
	}

	@Test
	void obtainsANewTokenWhenTheCurrentOneExpired() {
		this.patternHealth.expireAllTokens();
		assertThat(this.directory.members("g1").count().block()).isEqualTo(3);
		assertThat(this.patternHealth.tokenRequestCount()).isEqualTo(1);
	}

}
