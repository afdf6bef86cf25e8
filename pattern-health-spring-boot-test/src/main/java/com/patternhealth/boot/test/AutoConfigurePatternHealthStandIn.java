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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link PatternHealthStandIn} on a free port for a Spring test's application
 * context and points the {@code patternhealth.*} properties at it, ahead of any other
 * property source. The stand-in is the {@code patternHealthStandIn} bean: inject it to
 * seed groups and to assert what it received. Before each test method it
 * {@linkplain PatternHealthStandIn#reset() forgets} the requests of the previous one; the
 * tokens it issued stay valid, so a cached context keeps its cached token.
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigurePatternHealthStandIn
 * class MyServiceTests {
 *
 *     &#064;Autowired
 *     PatternHealthStandIn patternHealth;
 * }
 * </pre>
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigurePatternHealthStandIn {

	/**
	 * The client id that the stand-in accepts, set as {@code patternhealth.client-id}.
	 * @return the client id
	 */
	String clientId() default PatternHealthStandIn.DEFAULT_CLIENT_ID;

	/**
	 * The client secret that the stand-in accepts, set as
	 * {@code patternhealth.client-secret}.
	 * @return the client secret
	 */
	String clientSecret() default PatternHealthStandIn.DEFAULT_CLIENT_SECRET;

	/**
	 * The lifetime of the tokens issued, such as {@code 1h}, {@code 90s} or
	 * {@code 3600000ms}.
	 * @return the token lifetime
	 */
	String tokenLifetime() default "1h";

}
