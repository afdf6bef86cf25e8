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

package com.patternhealth.boot.autoconfigure;

import com.patternhealth.boot.web.PatternHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Spring Boot application that starts with missing or invalid Pattern Health settings
 * fails, and Spring Boot's failure report names the properties to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class PatternHealthStartupFailureTests {

	@Test
	void missingClientSecretFailsTheApplicationWithAReportNamingIt(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(
				() -> run("--patternhealth.base-url=https://api.example.com", "--patternhealth.client-id=client"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The Pattern Health client is not configured correctly:")
			.contains("    - patternhealth.client-secret is not set; set it to the client secret that belongs to the"
					+ " client ID")
			.doesNotContain("patternhealth.client-id is not set");
	}

	@Test
	void insecureBaseUrlFailsTheApplicationWithAReportNamingTheFix(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> run("--patternhealth.base-url=http://api.example.com", "--patternhealth.client-id=client",
					"--patternhealth.client-secret=secret"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    - patternhealth.base-url 'http://api.example.com' uses http on a host other than loopback,"
					+ " which would send the client secret in clear text; use https, or set"
					+ " patternhealth.allow-insecure-http=true");
	}

	@Test
	void credentialsThatBasicAuthenticationCannotCarryFailTheApplicationWithoutShowingThem(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> run("--patternhealth.base-url=https://id:Pa55word-7@api.example.com?tenant=a",
					"--patternhealth.client-id=tenant:client", "--patternhealth.client-secret=Hunter2-\u20AC-secret "));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    - patternhealth.base-url the URL carries user information; remove it and set"
					+ " patternhealth.client-id and patternhealth.client-secret instead")
			.contains("    - patternhealth.client-id contains ':', which Basic authentication cannot carry in a"
					+ " client ID unless the credentials are URL-encoded; set"
					+ " patternhealth.token.encode-credentials=true, which URL-encodes them first")
			.contains("    - patternhealth.client-secret starts or ends with whitespace, most likely copied with it;"
					+ " remove the whitespace")
			.contains("    - patternhealth.client-secret contains a character outside ISO-8859-1, which Basic"
					+ " authentication cannot carry unless the credentials are URL-encoded; set"
					+ " patternhealth.token.encode-credentials=true, which URL-encodes them first")
			.doesNotContain("Hunter2")
			.doesNotContain("Pa55word");
	}

	@Test
	void tokenSettingsOutOfRangeFailTheApplicationWithAReportNamingThem(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> run("--patternhealth.base-url=https://api.example.com",
					"--patternhealth.client-id=client", "--patternhealth.client-secret=secret",
					"--patternhealth.token.max-lifetime=0", "--patternhealth.token.rejected-credentials-cooldown=-1s",
					"--patternhealth.token.retry.max-backoff=0", "--patternhealth.token.retry.max-retry-after=400d"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("    - patternhealth.token.max-lifetime must be positive, such as 24h")
			.contains("    - patternhealth.token.rejected-credentials-cooldown must be zero or positive, such as 1s")
			.contains("    - patternhealth.token.retry.max-backoff must be positive, such as 5s")
			.contains("    - patternhealth.token.retry.max-retry-after must be at most 365d, such as 2m")
			.doesNotContain("IllegalArgumentException");
	}

	@Test
	void tokenSettingsOfPatternHealthAndOfANamedClientFailTheApplicationInOneReport(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(
				() -> run("--patternhealth.base-url=https://api.example.com", "--patternhealth.client-id=client",
						"--patternhealth.client-secret=secret", "--patternhealth.token.timeout=0s",
						"--patternhealth.clients.acme.base-url=https://acme.example.com",
						"--patternhealth.clients.acme.client-id=acme-id",
						"--patternhealth.clients.acme.client-secret=acme-secret",
						"--patternhealth.clients.acme.token.timeout=0s"));
		assertThat(output).containsOnlyOnce("APPLICATION FAILED TO START")
			.containsOnlyOnce("The Pattern Health client is not configured correctly:")
			.contains("    - patternhealth.token.timeout must be positive, such as 5s\n"
					+ "    - patternhealth.clients.acme.token.timeout must be positive, such as 5s")
			.doesNotContain("acme-secret");
	}

	@Test
	void aNamedClientWithOnlyItsTokenSettingsFailsTheApplicationNamingWhatItLacks(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(
				() -> run("--patternhealth.base-url=https://api.example.com", "--patternhealth.client-id=client",
						"--patternhealth.client-secret=secret", "--patternhealth.clients.acme.token.timeout=3s"));
		assertThat(output).containsOnlyOnce("APPLICATION FAILED TO START")
			.containsOnlyOnce("The Pattern Health client is not configured correctly:")
			.contains("patternhealth.clients.acme.base-url")
			.contains("patternhealth.clients.acme.client-id")
			.contains("patternhealth.clients.acme.client-secret");
	}

	@Test
	void injectingThePatternHealthClientWithoutAnyPropertyFailsWithAReportNamingTheProperties(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(PatternHealthStartupFailureTests::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("required the Pattern Health client, which is not available: no patternhealth.* property is set.")
			.contains("Set patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret");
	}

	@Test
	void injectingThePatternHealthClientTurnedOffFailsWithAReportSayingSo(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> run("--patternhealth.enabled=false"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("required the Pattern Health client, which is not available: patternhealth.enabled is false.")
			.contains("Set patternhealth.enabled=true, or remove it.");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(PatternHealthUser.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, PatternHealthAutoConfiguration.class })
	static class PatternHealthUser {

		@Bean
		String usesPatternHealth(@PatternHealth WebClient patternHealth) {
			return "uses " + patternHealth;
		}

	}

}
