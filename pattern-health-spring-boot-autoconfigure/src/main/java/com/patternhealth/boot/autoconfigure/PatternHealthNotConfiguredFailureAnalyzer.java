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

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.patternhealth.boot.web.PatternHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Explains why a Pattern Health bean that the application injects ({@code @PatternHealth}
 * or by name) does not exist, from the outcomes that the condition evaluation report
 * holds for {@link PatternHealthAutoConfiguration} and its configurations: no
 * {@code patternhealth.*} property is set, the client is turned off, a library it needs
 * is missing, or the application's own bean of that name lacks the qualifier. The report
 * is the one that {@link PatternHealthConditionReportInitializer} kept, as a failed
 * context no longer holds it.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthNotConfiguredFailureAnalyzer extends AbstractInjectionFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

	private static final String MANAGER = "org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager";

	private static final String MANAGER_CLASS = "com.patternhealth.boot.token.PatternHealthAuthorizedClientManager";

	private static final String REST_CLIENT = "org.springframework.web.client.RestClient";

	private static final String TOKEN_CACHE_CLASS = "com.patternhealth.boot.token.PatternHealthTokenCache";

	/** The bean name for each type that the starter contributes. */
	private static final Map<String, String> BEAN_NAMES = Map.of(WEB_CLIENT,
			PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, MANAGER,
			PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME, MANAGER_CLASS,
			PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME, REST_CLIENT,
			PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, TOKEN_CACHE_CLASS,
			PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME);

	private static final String AUTO_CONFIGURATION = PatternHealthAutoConfiguration.class.getName();

	/**
	 * The bean methods that define each bean of the starter, named as the report names
	 * them; the token cache has one for each HTTP stack.
	 */
	private static final Map<String, List<String>> BEAN_METHODS = Map.of(
			PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME,
			List.of(beanMethod(PatternHealthConfigurations.WebClientConfiguration.class, "patternHealthWebClient")),
			PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME,
			List.of(beanMethod(PatternHealthConfigurations.WebClientConfiguration.class,
					"patternHealthAuthorizedClientManagerRegistrar")),
			PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME,
			List.of(beanMethod(PatternHealthConfigurations.RestClientConfiguration.class, "patternHealthRestClient")),
			PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME,
			List.of(beanMethod(PatternHealthConfigurations.WebClientTokenCacheConfiguration.class,
					"patternHealthTokenCache"),
					beanMethod(PatternHealthConfigurations.RestClientTokenCacheConfiguration.class,
							"patternHealthTokenCache")));

	private static final String ON_CLASS_CONDITION = "org.springframework.boot.autoconfigure.condition.OnClassCondition";

	private static final String ON_PROPERTY_CONDITION = "org.springframework.boot.autoconfigure.condition.OnPropertyCondition";

	private static final String ON_BEAN_CONDITION = "org.springframework.boot.autoconfigure.condition.OnBeanCondition";

	private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

	private final BeanFactory beanFactory;

	private final @Nullable ConditionEvaluationReport report;

	PatternHealthNotConfiguredFailureAnalyzer(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		this.report = PatternHealthConditionReportInitializer.find(beanFactory);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause,
			@Nullable String description) {
		String beanName = requiredPatternHealthBean(rootFailure, cause);
		Reason reason = (beanName != null && this.report != null) ? explain(beanName, this.report) : null;
		if (reason == null) {
			return null;
		}
		return new FailureAnalysis(
				((description != null) ? description : "A component")
						+ " required the Pattern Health client, which is not available: " + reason.description(),
				reason.action(), cause);
	}

	/**
	 * Explain from the report why the given bean was not defined: the first condition
	 * that failed, on the auto-configuration, on the configuration of the bean, or on its
	 * bean method.
	 */
	private @Nullable Reason explain(String beanName, ConditionEvaluationReport report) {
		if (report.getExclusions().contains(AUTO_CONFIGURATION)) {
			return new Reason(PatternHealthAutoConfiguration.class.getSimpleName() + " is excluded.",
					PatternHealthFailureActions.INCLUDE_AUTO_CONFIGURATION);
		}
		Map<String, ConditionAndOutcomes> outcomes = report.getConditionAndOutcomesBySource();
		if (!outcomes.containsKey(AUTO_CONFIGURATION)) {
			return null;
		}
		ConditionAndOutcome failure = firstFailure(outcomes.get(AUTO_CONFIGURATION));
		if (failure != null) {
			return reason(failure);
		}
		List<String> beanMethods = BEAN_METHODS.get(beanName);
		Assert.state(beanMethods != null, () -> "No bean method is known for bean '" + beanName + "'");
		for (String beanMethod : beanMethods) {
			ConditionAndOutcome configurationFailure = firstFailure(
					outcomes.get(beanMethod.substring(0, beanMethod.indexOf('#'))));
			if (configurationFailure == null) {
				// The configuration was loaded: its bean method was skipped, or replaced
				ConditionAndOutcome beanMethodFailure = firstFailure(outcomes.get(beanMethod));
				return (beanMethodFailure == null || isCondition(beanMethodFailure, ON_BEAN_CONDITION))
						? replaced(beanName) : reason(beanMethodFailure);
			}
			failure = (failure != null) ? failure : configurationFailure;
		}
		return (failure != null) ? reason(failure) : null;
	}

	private @Nullable Reason replaced(String beanName) {
		if (!this.beanFactory.containsBean(beanName)) {
			return null;
		}
		return new Reason(
				"the application's bean named '" + beanName + "' replaces it but is not annotated with @PatternHealth.",
				PatternHealthFailureActions.annotateReplacement(beanName));
	}

	private static Reason reason(ConditionAndOutcome failure) {
		String message = (failure.getOutcome().getMessage() != null) ? failure.getOutcome().getMessage() : "";
		if (failure.getCondition() instanceof OnPatternHealthConfiguredCondition) {
			return new Reason("no patternhealth.* property is set.", PatternHealthFailureActions
				.setProperties("patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret"));
		}
		if (isCondition(failure, ON_PROPERTY_CONDITION) && message.contains("patternhealth.enabled")) {
			return new Reason("patternhealth.enabled is false.", PatternHealthFailureActions.TURN_ON);
		}
		if (isCondition(failure, ON_CLASS_CONDITION) && message.contains("did not find required class")) {
			List<String> missing = new ArrayList<>();
			for (Matcher matcher = QUOTED.matcher(message); matcher.find();) {
				missing.add(matcher.group(1));
			}
			return new Reason(
					String.join(" and ", missing) + ((missing.size() != 1) ? " are" : " is") + " not on the classpath.",
					PatternHealthFailureActions.DEPEND_ON_STARTER);
		}
		return new Reason(message + ".", PatternHealthFailureActions.SEE_REPORT);
	}

	private static @Nullable ConditionAndOutcome firstFailure(@Nullable ConditionAndOutcomes outcomes) {
		if (outcomes != null) {
			for (ConditionAndOutcome outcome : outcomes) {
				if (!outcome.getOutcome().isMatch()) {
					return outcome;
				}
			}
		}
		return null;
	}

	private static boolean isCondition(ConditionAndOutcome outcome, String conditionClass) {
		return outcome.getCondition().getClass().getName().equals(conditionClass);
	}

	private static String beanMethod(Class<?> configuration, String method) {
		return configuration.getName() + "#" + method;
	}

	/**
	 * Return the name of the Pattern Health bean that the failed injection asked for, or
	 * {@code null} if it asked for another bean.
	 */
	private static @Nullable String requiredPatternHealthBean(Throwable rootFailure,
			NoSuchBeanDefinitionException cause) {
		if (cause.getBeanName() != null) {
			return BEAN_NAMES.containsValue(cause.getBeanName()) ? cause.getBeanName() : null;
		}
		Class<?> type = (cause.getResolvableType() != null) ? cause.getResolvableType().resolve() : null;
		String beanName = (type != null) ? BEAN_NAMES.get(type.getName()) : null;
		if (type != null && (type.getName().equals(MANAGER_CLASS) || type.getName().equals(TOKEN_CACHE_CLASS))) {
			return beanName;
		}
		InjectionPoint injectionPoint = findInjectionPoint(rootFailure);
		if (beanName == null || injectionPoint == null) {
			return null;
		}
		for (Annotation annotation : injectionPoint.getAnnotations()) {
			if (annotation instanceof PatternHealth
					|| (annotation instanceof Qualifier qualifier && beanName.equals(qualifier.value()))) {
				return beanName;
			}
		}
		return null;
	}

	/**
	 * Return the injection point that could not be satisfied: the innermost one, as a
	 * bean may fail because one of its own dependencies could not be injected.
	 */
	private static @Nullable InjectionPoint findInjectionPoint(Throwable failure) {
		InjectionPoint injectionPoint = null;
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof UnsatisfiedDependencyException unsatisfied
					&& unsatisfied.getInjectionPoint() != null) {
				injectionPoint = unsatisfied.getInjectionPoint();
			}
		}
		return injectionPoint;
	}

	@Override
	public int getOrder() {
		// Before Spring Boot's analysis of any missing bean
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Why the bean is missing, and what to do.
	 *
	 * @param description the end of the failure's description
	 * @param action the action
	 */
	private record Reason(String description, String action) {

	}

}
