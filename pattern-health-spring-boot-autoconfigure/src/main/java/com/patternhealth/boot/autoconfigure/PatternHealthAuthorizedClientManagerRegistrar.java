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

import com.patternhealth.boot.token.PatternHealthAuthorizedClientManager;
import com.patternhealth.boot.web.PatternHealth;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Registers the {@code patternHealthAuthorizedClientManager} bean, the reactive face of
 * the {@code patternHealthTokenCache}, unless the application defines a bean of that
 * name.
 * <p>
 * Spring Security registers its own default {@code ReactiveOAuth2AuthorizedClientManager}
 * for the application's registrations only when it finds no bean of that type while bean
 * definitions are being registered. A plain {@code @Bean} would be found and would take
 * the application's manager away. This registrar therefore adds its definition in
 * {@link #postProcessBeanFactory}, after every registry post-processor (Spring Security's
 * included) has run. The definition is not a default candidate and carries the
 * {@link PatternHealth @PatternHealth} qualifier, so the application's own injection
 * points and Spring Security's lookups by type keep getting the application's manager.
 * <p>
 * Every injection by type (constructor, {@code @Autowired}, an injected
 * {@code ObjectProvider}, which is how Spring Security resolves
 * {@code @RegisteredOAuth2AuthorizedClient}) skips this manager: it finds Spring
 * Security's default manager when the application has registrations, and nothing when it
 * has none. Only a programmatic {@code BeanFactory.getBean(Class)} or
 * {@code getBeanProvider(Class)} lookup returns it, and only while it is the one manager
 * in the context, because such lookups return a lone bean whatever its default-candidate
 * flag. Hiding it from them would also hide it from {@code @PatternHealth} injection.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthAuthorizedClientManagerRegistrar implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.containsBean(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME)
				|| !(beanFactory instanceof BeanDefinitionRegistry registry)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(PatternHealthAuthorizedClientManager.class);
		definition.getConstructorArgumentValues()
			.addIndexedArgumentValue(0, new RuntimeBeanReference(PatternHealthAutoConfiguration.TOKEN_CACHE_BEAN_NAME));
		definition.setDefaultCandidate(false);
		definition.addQualifier(new AutowireCandidateQualifier(PatternHealth.class));
		registry.registerBeanDefinition(PatternHealthAutoConfiguration.AUTHORIZED_CLIENT_MANAGER_BEAN_NAME, definition);
	}

}
