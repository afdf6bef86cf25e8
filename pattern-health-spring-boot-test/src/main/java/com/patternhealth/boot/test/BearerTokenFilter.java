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

import java.util.Map;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Runs before any stub: answers the failures asked for, and {@code 401} to every request
 * other than a token request whose bearer token is missing, unknown or expired.
 *
 * @author Pattern Health Spring Boot authors
 */
final class BearerTokenFilter implements StubRequestFilterV2 {

	private final PatternHealthStandIn standIn;

	BearerTokenFilter(PatternHealthStandIn standIn) {
		this.standIn = standIn;
	}

	@Override
	public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
		boolean tokenRequest = this.standIn.isTokenRequest(request.getUrl());
		StandInFailures.Failure failure = this.standIn.nextFailure(tokenRequest);
		if (failure != null) {
			return RequestFilterAction.stopWith(failure.response());
		}
		if (tokenRequest) {
			return RequestFilterAction.continueWith(request);
		}
		return switch (this.standIn.checkBearer(request.getHeader("Authorization"))) {
			case VALID -> RequestFilterAction.continueWith(request);
			case MISSING -> unauthorized("Bearer realm=\"Pattern Health\"");
			case UNKNOWN -> unauthorized("Bearer error=\"invalid_token\", error_description=\"Unknown access token\"");
			case EXPIRED ->
				unauthorized("Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
		};
	}

	private static RequestFilterAction unauthorized(String challenge) {
		return RequestFilterAction
			.stopWith(Responses.json(401, Map.of("error", "unauthorized"), "WWW-Authenticate", challenge));
	}

	@Override
	public String getName() {
		return "pattern-health-bearer-token";
	}

}
