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

package com.patternhealth.boot.testfixtures;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The WireMock servers that stand in for Pattern Health, and for any other server an
 * application reaches, in the tests of every module: all made with the same options, and
 * a test that needs more says so with {@link #options()}. A test registers one with
 * {@code @RegisterExtension}: in a static field it runs for the whole class and forgets
 * its stubs and its request journal before each test; in an instance field it runs for
 * one test.
 */
public final class StandInServer {

	private StandInServer() {
	}

	/**
	 * Return a stand-in with the standard options.
	 * @return the extension that runs it
	 */
	public static WireMockExtension create() {
		return options().create();
	}

	/**
	 * Return a stand-in for another origin than the one a client is configured for: the
	 * target of a redirect or of an absolute URL, which must never see a token.
	 * @return the extension that runs it
	 */
	public static WireMockExtension otherOrigin() {
		return options().create();
	}

	/**
	 * Start from the standard options, to add what a test needs.
	 * @return the options
	 */
	public static Options options() {
		return new Options();
	}

	/**
	 * The options of a stand-in.
	 */
	public static final class Options {

		private final WireMockConfiguration configuration = WireMockConfiguration.options()
			// A free port, so that tests, and the builds of several checkouts, run side
			// by
			// side
			.dynamicPort()
			// Reached from this machine only
			.bindAddress("127.0.0.1");

		private Options() {
		}

		/**
		 * Answer over HTTP/1.1 only, as Pattern Health's API does behind TLS: offered a
		 * cleartext upgrade, the JDK's {@code HttpClient} moves to HTTP/2, whose failures
		 * under load or with a body the server answers early are that client's, not the
		 * starter's.
		 * @return these options
		 */
		public Options http1Only() {
			this.configuration.http2PlainDisabled(true);
			return this;
		}

		/**
		 * Serve hundreds of connections at once, as hundreds of concurrent callers on
		 * HTTP/1.1 open, instead of refusing those beyond Jetty's defaults.
		 * @return these options
		 */
		public Options manyConnectionsAtOnce() {
			// A thread for each connection served at once
			this.configuration.containerThreads(250)
				// and a queue for the connections not yet accepted
				.jettyAcceptQueueSize(2048);
			return this;
		}

		/**
		 * Return a stand-in with these options.
		 * @return the extension that runs it
		 */
		public WireMockExtension create() {
			return WireMockExtension.newInstance().options(this.configuration).build();
		}

		/**
		 * Start a stand-in with these options for something that JUnit does not run, such
		 * as an application context that needs its URL before it refreshes. The caller
		 * stops it.
		 * @return the running server
		 */
		public WireMockServer start() {
			WireMockServer server = new WireMockServer(this.configuration);
			server.start();
			return server;
		}

	}

}
