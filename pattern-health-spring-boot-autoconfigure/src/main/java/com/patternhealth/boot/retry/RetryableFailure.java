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
package com.patternhealth.boot.retry;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A failure that knows whether it may pass, and how long its sender asked to wait before
 * the next attempt. {@link TokenRetryPolicy} reads it; failures that do not implement it
 * are judged by their cause alone.
 *
 * @author Pattern Health Spring Boot authors
 * @since 0.1.0
 */
public interface RetryableFailure {

	/**
	 * Whether the failure may pass, so that the same request may succeed if sent again.
	 * @return whether the failure is transient
	 */
	boolean isTransient();

	/**
	 * Return how long the sender asked to wait before the next attempt.
	 * @return the wait of its {@code Retry-After} header, or {@code null} if it sent none
	 */
	@Nullable Duration getRetryAfter();

}
