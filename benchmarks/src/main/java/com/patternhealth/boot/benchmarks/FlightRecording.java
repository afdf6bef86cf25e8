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

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of one client under load, and what it says: the
 * execution samples by the method on top of the stack and by package, the samples whose
 * stack holds the starter's code, and the bytes allocated by class (JFR's allocation
 * samples, weighed by the bytes they stand for).
 *
 * @param samples the execution samples
 * @param byMethod execution samples by the method on top of the stack
 * @param byPackage execution samples by the package of the method on top of the stack
 * @param underStarter execution samples whose stack holds a method of the starter (not of
 * the benchmarks)
 * @param bytesByClass bytes allocated by class, as JFR's allocation samples weigh them
 * @author Pattern Health Spring Boot authors
 */
record FlightRecording(long samples, Map<String, Long> byMethod, Map<String, Long> byPackage, long underStarter,
		Map<String, Long> bytesByClass) {

	static final String STARTER_PACKAGE = "com.patternhealth.boot.";

	/** The benchmarks' own code, which loads every client alike. */
	static final String BENCHMARKS_PACKAGE = "com.patternhealth.boot.benchmarks.";

	/** Sampled more often than JFR's profile settings do, for more samples per run. */
	static final Duration SAMPLING_PERIOD = Duration.ofMillis(2);

	/**
	 * Record the given work with JFR's {@code profile} settings into the given file.
	 */
	static void record(Path file, Runnable work) throws IOException, ParseException {
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.enable("jdk.ExecutionSample").withPeriod(SAMPLING_PERIOD);
			recording.setToDisk(true);
			recording.start();
			work.run();
			recording.stop();
			recording.dump(file);
		}
	}

	/**
	 * Read the events of a recording that started in one of the given windows.
	 * @param file the recording
	 * @param windows pairs of start and end, in milliseconds since the epoch
	 */
	static FlightRecording read(Path file, List<long[]> windows) throws IOException {
		Map<String, Long> byMethod = new HashMap<>();
		Map<String, Long> byPackage = new HashMap<>();
		Map<String, Long> bytesByClass = new HashMap<>();
		long samples = 0;
		long underStarter = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			long instant = event.getStartTime().toEpochMilli();
			if (windows.stream().noneMatch((window) -> instant >= window[0] && instant < window[1])) {
				continue;
			}
			String type = event.getEventType().getName();
			if ("jdk.ExecutionSample".equals(type)) {
				RecordedStackTrace stack = event.getStackTrace();
				if (stack == null || stack.getFrames().isEmpty()) {
					continue;
				}
				samples++;
				List<RecordedFrame> frames = stack.getFrames();
				String method = method(frames.get(0));
				byMethod.merge(method, 1L, Long::sum);
				byPackage.merge(packageOf(frames.get(0)), 1L, Long::sum);
				if (frames.stream().anyMatch((frame) -> isStarter(method(frame)))) {
					underStarter++;
				}
			}
			else if ("jdk.ObjectAllocationSample".equals(type)) {
				bytesByClass.merge(className(event.getClass("objectClass").getName()), event.getLong("weight"),
						Long::sum);
			}
		}
		return new FlightRecording(samples, byMethod, byPackage, underStarter, bytesByClass);
	}

	/**
	 * The bytes allocated, as JFR's allocation samples weigh them.
	 */
	long bytes() {
		return this.bytesByClass.values().stream().mapToLong(Long::longValue).sum();
	}

	static boolean isStarter(String method) {
		return method.startsWith(STARTER_PACKAGE) && !method.startsWith(BENCHMARKS_PACKAGE);
	}

	/**
	 * The name of a class as Java source writes it ({@code byte[]} for {@code [B}), and
	 * the same in every JVM, see {@link #withoutLambdaId}.
	 */
	static String className(String name) {
		if (!name.startsWith("[")) {
			return withoutLambdaId(name);
		}
		String element = name.substring(1);
		String type = switch (element.charAt(0)) {
			case 'B' -> "byte";
			case 'C' -> "char";
			case 'D' -> "double";
			case 'F' -> "float";
			case 'I' -> "int";
			case 'J' -> "long";
			case 'S' -> "short";
			case 'Z' -> "boolean";
			case 'L' -> withoutLambdaId(element.substring(1, element.length() - 1));
			default -> className(element);
		};
		return type + "[]";
	}

	/**
	 * The name of a class, the same in every JVM: a lambda's class is named for the class
	 * that holds the lambda, without the numbers that differ from run to run.
	 */
	static String withoutLambdaId(String className) {
		int lambda = className.indexOf("$$Lambda");
		return (lambda >= 0) ? className.substring(0, lambda + "$$Lambda".length()) : className;
	}

	private static String method(RecordedFrame frame) {
		return withoutLambdaId(frame.getMethod().getType().getName()) + "." + frame.getMethod().getName();
	}

	private static String packageOf(RecordedFrame frame) {
		String type = frame.getMethod().getType().getName();
		int dot = type.lastIndexOf('.');
		return (dot > 0) ? type.substring(0, dot) : type;
	}

}
