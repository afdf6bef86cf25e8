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

package com.patternhealth.boot.origin;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PatternHealthOrigin}.
 */
class PatternHealthOriginTests {

	private final PatternHealthOrigin https = PatternHealthOrigin.ofBaseUrl(URI.create("https://API.example.com/v1"));

	@Test
	void matchesEveryUrlOfTheSameSchemeHostAndPortWhateverTheirCaseAndPath() {
		assertThat(this.https.matches(URI.create("https://api.example.com/api/v1/groups"))).isTrue();
		assertThat(this.https.matches(URI.create("HTTPS://Api.Example.COM:443/other?page=2"))).isTrue();
	}

	@Test
	void takesTheSchemesDefaultPortWhenTheUrlGivesNone() {
		assertThat(this.https.matches(URI.create("https://api.example.com:8443/api"))).isFalse();
		assertThat(PatternHealthOrigin.of(URI.create("http://api.example.com"))
			.matches(URI.create("http://api.example.com:80/a"))).isTrue();
		assertThat(
				PatternHealthOrigin.of(URI.create("http://localhost:8080")).matches(URI.create("http://localhost/a")))
			.isFalse();
	}

	@Test
	void doesNotMatchAnotherSchemeOrHost() {
		assertThat(this.https.matches(URI.create("http://api.example.com:443/api"))).isFalse();
		assertThat(this.https.matches(URI.create("https://api.example.com.evil.example/api"))).isFalse();
		assertThat(this.https.matches(URI.create("https://evil.example/api"))).isFalse();
	}

	@Test
	void matchesNoAbsoluteUrlFromARelativeOne() {
		PatternHealthOrigin relative = PatternHealthOrigin.of(URI.create("/api/v1/groups"));
		assertThat(relative.matches(URI.create("https://api.example.com/api/v1/groups"))).isFalse();
		assertThat(relative).hasToString("://:-1");
	}

	@Test
	void printsItselfWithItsPortAlwaysGiven() {
		assertThat(this.https).hasToString("https://api.example.com:443");
		assertThat(PatternHealthOrigin.of(URI.create("http://LOCALHOST:8080/x"))).hasToString("http://localhost:8080");
	}

	@Test
	void equalsTheOriginOfAnotherUrlOfIt() {
		assertThat(this.https).isEqualTo(PatternHealthOrigin.of(URI.create("https://api.example.com:443/other")))
			.hasSameHashCodeAs(PatternHealthOrigin.of(URI.create("https://api.example.com:443/other")))
			.isNotEqualTo(PatternHealthOrigin.of(URI.create("https://api.example.com:444/other")));
	}

	@Test
	void hashesTheOriginsOfAnotherPortHostOrSchemeApart() {
		assertThat(this.https.hashCode())
			.isNotEqualTo(PatternHealthOrigin.of(URI.create("https://api.example.com:8443")).hashCode())
			.isNotEqualTo(PatternHealthOrigin.of(URI.create("https://other.example.com")).hashCode())
			.isNotEqualTo(PatternHealthOrigin.of(URI.create("http://api.example.com:443")).hashCode());
	}

	@Test
	void refusesABaseUrlThatIsNotAbsolute() {
		assertThatIllegalArgumentException().isThrownBy(() -> PatternHealthOrigin.ofBaseUrl(URI.create("/api")))
			.withMessage("'baseUrl' must be absolute");
	}

}
