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
import java.util.List;
import java.util.Map;

import com.patternhealth.boot.web.PatternHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Explains why a Pattern Health bean that the application injects ({@code @PatternHealth}
 * or by name) does not exist: no {@code patternhealth.*} property is set, the client is
 * turned off, a library it needs is missing, or the application's own bean of that name
 * lacks the qualifier. Spring Boot's own analysis of a missing bean cannot tell, as the
 * condition evaluation report is gone once the context has failed.
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

	private static final String CLIENT_REGISTRATION = "org.springframework.security.oauth2.client.registration.ClientRegistration";

	private static final String BOOT_REST_CLIENT = "org.springframework.boot.restclient.RestClientCustomizer";

	/** The bean name for each type that the starter contributes. */
	private static final Map<String, String> BEAN_NAMES = Map.of(WEB_CLIENT,
			PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, MANAGER,
			PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME, MANAGER_CLASS,
			PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME, REST_CLIENT,
			PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, TOKEN_CACHE_CLASS,
			PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME);

	/** The classes that each bean of the starter needs. */
	private static final Map<String, List<String>> REQUIRED_CLASSES = Map.of(
			PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, List.of(WEB_CLIENT, MANAGER, CLIENT_REGISTRATION),
			PatternHealthAuthorizedClientManagerRegistrar.BEAN_NAME, List.of(WEB_CLIENT, MANAGER, CLIENT_REGISTRATION),
			PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, List.of(BOOT_REST_CLIENT, CLIENT_REGISTRATION),
			PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME, List.of(CLIENT_REGISTRATION));

	private final BeanFactory beanFactory;

	private final Environment environment;

	PatternHealthNotConfiguredFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause,
			@Nullable String description) {
		String beanName = requiredPatternHealthBean(rootFailure, cause);
		if (beanName == null) {
			return null;
		}
		String missing = ((description != null) ? description : "A component")
				+ " required the Pattern Health client, which is not available: ";
		for (String requiredClass : REQUIRED_CLASSES.get(beanName)) {
			if (!ClassUtils.isPresent(requiredClass, classLoader())) {
				return new FailureAnalysis(missing + requiredClass + " is not on the classpath.",
						"Depend on com.patternhealth:pattern-health-spring-boot-starter, which brings "
								+ "spring-boot-starter-webclient, spring-boot-starter-restclient and "
								+ "spring-security-oauth2-client.",
						cause);
			}
		}
		if (!this.environment.getProperty("patternhealth.enabled", Boolean.class, true)) {
			return new FailureAnalysis(missing + "patternhealth.enabled is false.",
					"Set patternhealth.enabled=true, or remove it.", cause);
		}
		if (!OnPatternHealthConfiguredCondition.isConfigured(this.environment)) {
			return new FailureAnalysis(missing + "no patternhealth.* property is set.", """
					Set patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret, \
					for example in application.yml:

					    patternhealth:
					      base-url: https://<your Pattern Health host>
					      client-id: <client ID>
					      client-secret: <client secret>

					or as the environment variables PATTERNHEALTH_BASEURL, PATTERNHEALTH_CLIENTID and \
					PATTERNHEALTH_CLIENTSECRET.""", cause);
		}
		if (this.beanFactory.containsBean(beanName)) {
			return new FailureAnalysis(
					missing + "the application's bean named '" + beanName
							+ "' replaces it but is not annotated with @PatternHealth.",
					"Annotate the application's '" + beanName + "' bean method with @PatternHealth.", cause);
		}
		return null;
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

	private @Nullable ClassLoader classLoader() {
		return (this.beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable.getBeanClassLoader()
				: getClass().getClassLoader();
	}

	@Override
	public int getOrder() {
		// Before Spring Boot's analysis of any missing bean
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
