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

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Keeps the condition evaluation report of an application for
 * {@link PatternHealthNotConfiguredFailureAnalyzer}. A context that fails to refresh
 * destroys its singletons, the report among them, before Spring Boot creates the failure
 * analyzers. So this initializer takes the report while the context is prepared, as
 * Spring Boot's {@code ConditionEvaluationReportLoggingListener} does, and gives it back
 * to the bean factory, under a name of its own, when the application fails.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthConditionReportInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The name under which the bean factory of a failed application holds the report.
	 */
	static final String BEAN_NAME = "patternHealthConditionEvaluationReport";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// Only a GenericApplicationContext has its bean factory before it is refreshed
		if (context instanceof GenericApplicationContext) {
			context.addApplicationListener(
					new ReportKeeper(context, ConditionEvaluationReport.get(context.getBeanFactory())));
		}
	}

	/**
	 * Return the report that this initializer kept for the bean factory of a failed
	 * application.
	 * @param beanFactory the bean factory of the application
	 * @return the report, or {@code null} if none was kept
	 */
	static @Nullable ConditionEvaluationReport find(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable && listable.containsSingleton(BEAN_NAME)
				&& listable.getSingleton(BEAN_NAME) instanceof ConditionEvaluationReport report) {
			return report;
		}
		return null;
	}

	/**
	 * Gives the report back to the bean factory of its context when the application
	 * fails.
	 */
	private record ReportKeeper(ConfigurableApplicationContext context,
			ConditionEvaluationReport report) implements ApplicationListener<ApplicationFailedEvent> {

		@Override
		public void onApplicationEvent(ApplicationFailedEvent event) {
			ConfigurableListableBeanFactory beanFactory = this.context.getBeanFactory();
			if (event.getApplicationContext() == this.context && !beanFactory.containsSingleton(BEAN_NAME)) {
				beanFactory.registerSingleton(BEAN_NAME, this.report);
			}
		}

	}

}
