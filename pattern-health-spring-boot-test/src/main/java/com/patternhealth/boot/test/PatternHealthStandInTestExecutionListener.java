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

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@linkplain PatternHealthStandIn#reset() Resets} the stand-in of a test annotated with
 * {@link AutoConfigurePatternHealthStandIn @AutoConfigurePatternHealthStandIn} before
 * each test method, so that counts and the last request are those of the method alone.
 *
 * @author Pattern Health Spring Boot authors
 */
class PatternHealthStandInTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return 1900;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(),
				AutoConfigurePatternHealthStandIn.class)) {
			testContext.getApplicationContext()
				.getBean(StandInRegistration.BEAN_NAME, PatternHealthStandIn.class)
				.reset();
		}
	}

}
