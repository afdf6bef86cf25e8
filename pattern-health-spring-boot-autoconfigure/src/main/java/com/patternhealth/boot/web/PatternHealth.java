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

package com.patternhealth.boot.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the Pattern Health beans, so that an application that has its own
 * {@code WebClient} or {@code RestClient} can still inject the one that carries the
 * Pattern Health token: <pre class="code">
 * OrderService(&#64;PatternHealth RestClient patternHealth, RestClient other) { ... }
 * </pre>
 * <p>
 * The application's own HTTP service interfaces reach Pattern Health in the
 * {@value #HTTP_SERVICE_GROUP} group: <pre class="code">
 * &#64;ImportHttpServices(group = PatternHealth.HTTP_SERVICE_GROUP, types = MembersApi.class)
 * </pre>
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface PatternHealth {

	/**
	 * The name of the HTTP service group whose clients carry the Pattern Health token.
	 */
	String HTTP_SERVICE_GROUP = "patternhealth";

	/**
	 * The request attribute that, set to {@code false}, keeps a request from being sent
	 * again after a {@code 401}: the caller gets the {@code 401}, and the token that was
	 * sent is still dropped. Set it with {@code attribute(...)} on a {@code WebClient} or
	 * {@code RestClient} request.
	 */
	String REPLAY_ATTRIBUTE = "com.patternhealth.boot.web.PatternHealth.replay";

}
