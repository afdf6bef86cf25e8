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

package com.patternhealth.boot.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at a running {@link PatternHealthStandIn}: sets the
 * {@code patternhealth.*} properties ahead of any other source, registers the stand-in as
 * a bean, and stops it when the context closes.
 *
 * @author Pattern Health Spring Boot authors
 */
final class StandInRegistration {

	static final String BEAN_NAME = "patternHealthStandIn";

	static final String PROPERTY_SOURCE_NAME = "patternHealthStandIn";

	private StandInRegistration() {
	}

	static void register(ConfigurableApplicationContext context, PatternHealthStandIn standIn, DisposableBean stop) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("patternhealth.base-url", standIn.baseUrl());
		properties.put("patternhealth.client-id", standIn.clientId());
		properties.put("patternhealth.client-secret", standIn.clientSecret());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, standIn);
		if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
			standIn.close();
			throw new IllegalStateException("Cannot stop the Pattern Health stand-in with a "
					+ beanFactory.getClass().getName() + "; use a DefaultListableBeanFactory");
		}
		registry.registerDisposableBean(BEAN_NAME, stop);
	}

}
