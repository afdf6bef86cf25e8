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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.patternhealth.boot.web.PatternHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Explains why a Pattern Health bean that the application injects ({@code @PatternHealth}
 * or by name) does not exist, from facts that outlive the failed context: the exclusions
 * that the environment and the application's configuration classes declare, the classes
 * on the class path, the {@code patternhealth.*} properties, and the bean definitions.
 * The reasons are the conditions of {@link PatternHealthAutoConfiguration},
 * {@link PatternHealthWebClientConfiguration} and
 * {@link PatternHealthRestClientConfiguration}, in the order they are evaluated: the
 * auto-configuration is excluded, a library it needs is missing, the client is turned
 * off, no {@code patternhealth.*} property is set, only named clients are configured, or
 * the application's own bean of that name lacks the qualifier.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthNotConfiguredFailureAnalyzer extends AbstractInjectionFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	private static final String AUTO_CONFIGURATION = PatternHealthAutoConfiguration.class.getName();

	private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

	private static final String MANAGER = "org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager";

	private static final String MANAGER_CLASS = "com.patternhealth.boot.token.PatternHealthAuthorizedClientManager";

	private static final String REST_CLIENT = "org.springframework.web.client.RestClient";

	private static final String TOKEN_CACHE_CLASS = "com.patternhealth.boot.token.PatternHealthTokenCache";

	/** The classes that the auto-configuration needs, as its condition names them. */
	private static final List<String> AUTO_CONFIGURATION_CLASSES = List
		.of("org.springframework.security.oauth2.client.registration.ClientRegistration");

	/** The classes that {@link PatternHealthWebClientConfiguration} needs. */
	private static final List<String> WEB_CLIENT_STACK = List.of(WEB_CLIENT, "reactor.core.publisher.Mono", MANAGER,
			"org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder");

	/** The classes that {@link PatternHealthRestClientConfiguration} needs. */
	private static final List<String> REST_CLIENT_STACK = List.of(REST_CLIENT,
			"org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder");

	/** The class that the {@code patternHealthRestClient} bean needs besides. */
	private static final String REST_CLIENT_SUPPORT = "org.springframework.boot.restclient.RestClientCustomizer";

	/** The bean name for each type that the starter contributes. */
	private static final Map<String, String> BEAN_NAMES = Map.of(WEB_CLIENT,
			PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME, MANAGER,
			PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME, MANAGER_CLASS,
			PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME, REST_CLIENT,
			PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME, TOKEN_CACHE_CLASS,
			PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME);

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
		Reason reason = (beanName != null) ? explain(beanName) : null;
		if (reason == null) {
			return null;
		}
		return new FailureAnalysis(
				((description != null) ? description : "A component")
						+ " required the Pattern Health client, which is not available: " + reason.description(),
				reason.action(), cause);
	}

	/**
	 * Explain why the given bean was not defined, checking the conditions in the order in
	 * which Spring Boot evaluates them.
	 */
	private @Nullable Reason explain(String beanName) {
		if (isExcluded()) {
			return new Reason(PatternHealthAutoConfiguration.class.getSimpleName() + " is excluded.",
					PatternHealthFailureActions.INCLUDE_AUTO_CONFIGURATION);
		}
		Reason missing = missingClasses(AUTO_CONFIGURATION_CLASSES);
		if (missing != null) {
			return missing;
		}
		if (!this.environment.getProperty("patternhealth.enabled", Boolean.class, true)) {
			return new Reason("patternhealth.enabled is false.", PatternHealthFailureActions.TURN_ON);
		}
		if (!OnPatternHealthConfiguredCondition.isConfigured(this.environment)) {
			return new Reason("no patternhealth.* property is set.", PatternHealthFailureActions
				.setProperties("patternhealth.base-url, patternhealth.client-id and patternhealth.client-secret"));
		}
		if (!(this.beanFactory instanceof ConfigurableListableBeanFactory listable)
				|| !listable.containsBeanDefinition(AUTO_CONFIGURATION)) {
			// Not imported at all, as in an application without auto-configuration
			return null;
		}
		missing = missingClasses(beanName);
		if (missing != null) {
			return missing;
		}
		if (!OnSingleClientCondition.matches(this.environment)) {
			return new Reason("only named clients are configured under patternhealth.clients.",
					PatternHealthFailureActions.USE_NAMED_CLIENTS);
		}
		if (this.beanFactory.containsBean(beanName)) {
			return new Reason(
					"the application's bean named '" + beanName
							+ "' replaces it but is not annotated with @PatternHealth.",
					PatternHealthFailureActions.annotateReplacement(beanName));
		}
		return null;
	}

	/**
	 * Return whether the environment or an annotation of the application's configuration
	 * classes excludes the auto-configuration.
	 */
	private boolean isExcluded() {
		List<String> excluded = new ArrayList<>(Binder.get(this.environment)
			.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
			.orElse(List.of()));
		if (this.beanFactory instanceof ConfigurableListableBeanFactory listable) {
			for (String name : listable.getBeanDefinitionNames()) {
				if (listable.getBeanDefinition(name) instanceof AnnotatedBeanDefinition definition) {
					excluded.addAll(excludedBy(definition.getMetadata(), EnableAutoConfiguration.class));
					excluded.addAll(excludedBy(definition.getMetadata(), ImportAutoConfiguration.class));
				}
			}
		}
		return excluded.stream().map(String::strip).anyMatch(AUTO_CONFIGURATION::equals);
	}

	private static List<String> excludedBy(AnnotationMetadata metadata, Class<? extends Annotation> annotation) {
		Map<String, @Nullable Object> attributes = metadata.getAnnotationAttributes(annotation.getName(), true);
		if (attributes == null) {
			return List.of();
		}
		List<String> excluded = new ArrayList<>();
		for (String attribute : List.of("exclude", "excludeName")) {
			if (attributes.get(attribute) instanceof String[] names) {
				excluded.addAll(Arrays.asList(names));
			}
		}
		return excluded;
	}

	/**
	 * Return the reason why the configuration of the given bean was skipped for want of a
	 * class, or {@code null} if every class it needs is present.
	 */
	private @Nullable Reason missingClasses(String beanName) {
		return switch (beanName) {
			case PatternHealthAutoConfiguration.WEB_CLIENT_BEAN_NAME,
					PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME ->
				missingClasses(WEB_CLIENT_STACK);
			case PatternHealthAutoConfiguration.REST_CLIENT_BEAN_NAME -> {
				Reason missing = missingClasses(REST_CLIENT_STACK);
				yield (missing != null) ? missing : missingClasses(List.of(REST_CLIENT_SUPPORT));
			}
			// The token cache of either stack will do
			default -> (missingClasses(WEB_CLIENT_STACK) != null) ? missingClasses(REST_CLIENT_STACK) : null;
		};
	}

	private @Nullable Reason missingClasses(List<String> classNames) {
		ClassLoader classLoader = (this.beanFactory instanceof ConfigurableListableBeanFactory listable)
				? listable.getBeanClassLoader() : null;
		List<String> missing = classNames.stream()
			.filter((className) -> !ClassUtils.isPresent(className, classLoader))
			.toList();
		if (missing.isEmpty()) {
			return null;
		}
		return new Reason(
				String.join(" and ", missing) + ((missing.size() != 1) ? " are" : " is") + " not on the classpath.",
				PatternHealthFailureActions.DEPEND_ON_STARTER);
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
