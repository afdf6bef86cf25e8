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

package com.patternhealth.boot.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a main class of this module in a fresh JVM, so that what it measures has a JIT, a
 * heap and a class path of its own, and hands back what it printed. Its progress lines
 * are passed on as they come.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ForkedJvm {

	/** The heap and collector of every JVM that measures, this one included. */
	static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

	private ForkedJvm() {
	}

	/**
	 * The class path of this JVM, with only the entries that the given test keeps.
	 */
	static String classPath(Predicate<String> keep) {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(keep)
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * Whether a class path entry is one of the jars that Actuator brings, which an
	 * application without it does not have.
	 */
	static boolean isActuator(String entry) {
		String name = Path.of(entry).getFileName().toString();
		return name.startsWith("spring-boot-actuator") || name.startsWith("spring-boot-starter-actuator")
				|| name.startsWith("spring-boot-micrometer-") || name.startsWith("spring-boot-starter-micrometer-")
				|| name.startsWith("spring-boot-health") || name.startsWith("micrometer-core")
				|| name.startsWith("micrometer-jakarta9") || name.startsWith("HdrHistogram")
				|| name.startsWith("LatencyUtils");
	}

	/**
	 * Run the given main class in a fresh JVM and wait for it to end.
	 * @param classPath the class path
	 * @param options the JVM's options
	 * @param main the main class
	 * @param arguments its arguments
	 * @param timeoutMinutes how long it may take
	 * @return the lines it printed, standard error included
	 * @throws IllegalStateException if it failed or took too long
	 */
	static List<String> run(String classPath, List<String> options, Class<?> main, List<String> arguments,
			long timeoutMinutes) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.add("-cp");
		command.add(classPath);
		command.add(main.getName());
		command.addAll(arguments);
		List<String> lines = new ArrayList<>();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = output.readLine()) != null) {
					lines.add(line);
					if (line.startsWith(BenchmarkRunner.PROGRESS)) {
						System.out.println(line);
					}
				}
			}
			if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(main.getSimpleName() + " " + arguments + " took more than "
						+ timeoutMinutes + " min:\n" + String.join("\n", lines));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						main.getSimpleName() + " " + arguments + " failed:\n" + String.join("\n", lines));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
