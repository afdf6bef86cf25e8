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

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PatternHealthConditionReportInitializer}.
 */
class PatternHealthConditionReportInitializerTests {

	@Test
	void givesTheReportBackToTheBeanFactoryOfAFailedApplication() {
		AnnotationConfigApplicationContext context = failedContext();
		assertThat(PatternHealthConditionReportInitializer.find(context.getBeanFactory())).isNull();
		fail(context, context);
		ConditionEvaluationReport report = PatternHealthConditionReportInitializer.find(context.getBeanFactory());
		assertThat(report).isNotNull();
		assertThat(report.getConditionAndOutcomesBySource()).containsKey("com.example.Recorded");
	}

	@Test
	void ignoresTheFailureOfAnotherApplication() {
		AnnotationConfigApplicationContext context = failedContext();
		fail(context, new AnnotationConfigApplicationContext());
		assertThat(PatternHealthConditionReportInitializer.find(context.getBeanFactory())).isNull();
	}

	/**
	 * Return a context prepared by the initializer, whose report holds one outcome, and
	 * whose refresh failed, which destroyed the report's singleton.
	 */
	private static AnnotationConfigApplicationContext failedContext() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		new PatternHealthConditionReportInitializer().initialize(context);
		ConditionEvaluationReport.get(context.getBeanFactory())
			.recordConditionEvaluation("com.example.Recorded", (conditionContext, metadata) -> false,
					ConditionOutcome.noMatch("not wanted"));
		context.registerBean("failing", String.class, () -> {
			throw new IllegalStateException("failed");
		});
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(context::refresh);
		assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getConditionAndOutcomesBySource()).isEmpty();
		return context;
	}

	/**
	 * Send the failure of an application to the listeners of a context, as
	 * {@code SpringApplication} does.
	 */
	private static void fail(AbstractApplicationContext listening, ConfigurableApplicationContext failed) {
		SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
		listening.getApplicationListeners().forEach(multicaster::addApplicationListener);
		multicaster.multicastEvent(new ApplicationFailedEvent(new SpringApplication(), new String[0], failed,
				new IllegalStateException("failed")));
	}

}
