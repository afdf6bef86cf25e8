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

package com.patternhealth.boot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Holds the layering of the starter's packages, as CONTRIBUTING.md draws it:
 * {@code observation}, {@code retry} and {@code origin} at the bottom, {@code token} on
 * the first two, {@code web}, {@code client}, {@code health} and {@code metrics} on
 * {@code token}, {@code page} on {@code origin} alone, and {@code autoconfigure} (with
 * its {@code service}, {@code health}, {@code metrics} and {@code endpoint} packages) on
 * top of them all. Only this module's main classes are imported: its tests, and every jar
 * on the test class path, are left out.
 */
@AnalyzeClasses(packages = "com.patternhealth.boot",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class PatternHealthArchitectureTests {

	private static final String STARTER = "com.patternhealth.boot";

	private static final String OBSERVATION = "Observation";

	private static final String RETRY = "Retry";

	private static final String ORIGIN = "Origin";

	private static final String TOKEN = "Token";

	private static final String WEB = "Web";

	private static final String CLIENT = "Client";

	private static final String PAGE = "Page";

	private static final String HEALTH = "Health";

	private static final String METRICS = "Metrics";

	private static final String AUTOCONFIGURE = "Autoconfigure";

	@ArchTest
	void everyClassLivesInOneOfTheTenPackages(JavaClasses classes) {
		classes().should()
			.resideInAnyPackage(STARTER + ".observation..", STARTER + ".retry..", STARTER + ".origin..",
					STARTER + ".token..", STARTER + ".web..", STARTER + ".client..", STARTER + ".page..",
					STARTER + ".health..", STARTER + ".metrics..", STARTER + ".autoconfigure..")
			.because("a new package must take its place in the layering that these tests hold, "
					+ "or nothing would hold it")
			.check(classes);
	}

	@ArchTest
	void observationUsesNoOtherPackageOfTheStarter(JavaClasses classes) {
		layers().whereLayer(OBSERVATION)
			.mayNotAccessAnyLayer()
			.because("the observation of a token request only names and describes it for Micrometer, "
					+ "so the token cache can report through it without pulling in anything else")
			.check(classes);
	}

	@ArchTest
	void retryUsesNoOtherPackageOfTheStarter(JavaClasses classes) {
		layers().whereLayer(RETRY)
			.mayNotAccessAnyLayer()
			.because("the backoff, Retry-After and the retry policies decide when to send a request again "
					+ "from what failed, whatever sent it")
			.check(classes);
	}

	@ArchTest
	void originUsesNoOtherPackageOfTheStarter(JavaClasses classes) {
		layers().whereLayer(ORIGIN)
			.mayNotAccessAnyLayer()
			.because("where Pattern Health is, its base URL and its origin, is a fact about URLs "
					+ "that every client and the paging share")
			.check(classes);
	}

	@ArchTest
	void tokenUsesNoOtherPackageOfTheStarterThanObservationAndRetry(JavaClasses classes) {
		layers().whereLayer(TOKEN)
			.mayOnlyAccessLayers(OBSERVATION, RETRY)
			.because("the token cache must work in any application, with or without the auto-configuration, "
					+ "the bearer filters, the named clients or the Actuator")
			.check(classes);
	}

	@ArchTest
	void webUsesNoOtherPackageOfTheStarterThanTokenRetryAndOrigin(JavaClasses classes) {
		layers().whereLayer(WEB)
			.mayOnlyAccessLayers(TOKEN, RETRY, ORIGIN)
			.because("an application sets the bearer and retry filters on its own WebClient or RestClient "
					+ "from a token cache alone, without the auto-configuration, the named clients or the paging")
			.check(classes);
	}

	@ArchTest
	void clientUsesNoOtherPackageOfTheStarterThanTokenRetryAndOrigin(JavaClasses classes) {
		layers().whereLayer(CLIENT)
			.mayOnlyAccessLayers(TOKEN, RETRY, ORIGIN)
			.because("the named clients, and those made at run time from credentials, are token caches "
					+ "by name: the auto-configuration fills them, they do not reach for it")
			.check(classes);
	}

	@ArchTest
	void pageUsesNoOtherPackageOfTheStarterThanOrigin(JavaClasses classes) {
		layers().whereLayer(PAGE)
			.mayOnlyAccessLayers(ORIGIN)
			.because("paging reads every item of a Pattern Health list through whatever client the "
					+ "application hands it, authorized by the starter or not; it only shares the origin rule")
			.check(classes);
	}

	@ArchTest
	void healthAndMetricsUseNoOtherPackageOfTheStarterThanToken(JavaClasses classes) {
		layers().whereLayer(HEALTH)
			.mayOnlyAccessLayers(TOKEN)
			.whereLayer(METRICS)
			.mayOnlyAccessLayers(TOKEN)
			.because("the health indicator and the token metrics read the state of a token cache; "
					+ "the auto-configuration registers them, not the other way round")
			.check(classes);
	}

	@ArchTest
	void nothingDependsOnTheAutoConfiguration(JavaClasses classes) {
		layers().whereLayer(AUTOCONFIGURE)
			.mayNotBeAccessedByAnyLayer()
			.because("the auto-configuration puts the other packages together from the properties; "
					+ "each of them must also work when an application wires it by hand")
			.check(classes);
	}

	@ArchTest
	void packagesAreFreeOfCycles(JavaClasses classes) {
		slices().matching(STARTER + ".(*)..")
			.should()
			.beFreeOfCycles()
			.because("each package must be understood, tested and used from the ones below it only")
			.check(classes);
	}

	@ArchTest
	void packagesOfTheAutoConfigurationAreFreeOfCycles(JavaClasses classes) {
		slices().matching(STARTER + ".autoconfigure.(*)..")
			.should()
			.beFreeOfCycles()
			.because("the auto-configuration of the service groups, health, metrics and endpoints each "
					+ "builds on the main auto-configuration, never on one another")
			.check(classes);
	}

	private static LayeredArchitecture layers() {
		return layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer(OBSERVATION)
			.definedBy(STARTER + ".observation..")
			.layer(RETRY)
			.definedBy(STARTER + ".retry..")
			.layer(ORIGIN)
			.definedBy(STARTER + ".origin..")
			.layer(TOKEN)
			.definedBy(STARTER + ".token..")
			.layer(WEB)
			.definedBy(STARTER + ".web..")
			.layer(CLIENT)
			.definedBy(STARTER + ".client..")
			.layer(PAGE)
			.definedBy(STARTER + ".page..")
			.layer(HEALTH)
			.definedBy(STARTER + ".health..")
			.layer(METRICS)
			.definedBy(STARTER + ".metrics..")
			.layer(AUTOCONFIGURE)
			.definedBy(STARTER + ".autoconfigure..");
	}

}
