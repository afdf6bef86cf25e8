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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the time and the bytes of a call go: a Java Flight Recorder profile of the floor
 * and of the starter's client of each setup under the throughput load, in a fresh JVM
 * ({@link ClientProbe}), the two clients running in alternating slices of one recording;
 * and the same of the whole clients of {@link WholeClientBenchmark} over stub HTTP client
 * libraries, called from one thread, where neither the network, the server nor the load
 * of the machine blurs the difference. The report sets them side by side: CPU time and
 * bytes allocated per call, then the methods, the packages and the allocated classes that
 * differ most, per call. The recordings stay beside the report for {@code jfr print} and
 * {@code jfr summary}.
 *
 * @author Pattern Health Spring Boot authors
 */
final class ProfileBenchmark {

	private static final int TOP = 12;

	private final BenchmarkPlan plan;

	private final Path directory;

	/** The floor's and the starter's profile, by what was recorded. */
	private final Map<String, Map<String, Profile>> profiles = new LinkedHashMap<>();

	ProfileBenchmark(BenchmarkPlan plan, Path directory) {
		this.plan = plan;
		this.directory = directory;
	}

	void run(List<ClientSetup> setups) throws IOException {
		Files.createDirectories(this.directory);
		for (ClientSetup setup : setups) {
			BenchmarkRunner.progress("Flight recording of the floor and the starter of " + setup.id() + " (fresh JVM)");
			Path file = this.directory.resolve(setup.id() + ".jfr");
			List<String> lines = ForkedJvm.run(ForkedJvm.classPath((entry) -> true), ForkedJvm.HEAP, ClientProbe.class,
					List.of(ClientProbe.PROFILE, setup.id(), this.plan.name(), file.toString()), 30);
			this.profiles.put(setup.description() + ", loopback calls under the throughput load",
					profiles(lines, file, ClientProbe.FLOOR, ClientProbe.STARTER));
		}
		BenchmarkRunner.progress("Flight recording of the whole clients over stub HTTP client libraries (fresh JVM)");
		Path file = this.directory.resolve("stubs.jfr");
		List<String> lines = ForkedJvm.run(ForkedJvm.classPath((entry) -> true), ForkedJvm.HEAP, ClientProbe.class,
				List.of(ClientProbe.STUB_PROFILE, this.plan.name(), file.toString()), 30);
		List<String> stubs = ClientProbe.STUB_CLIENTS;
		this.profiles.put("WebClient over a stub connector, one thread, no network",
				profiles(lines, file, stubs.get(0), stubs.get(1)));
		this.profiles.put("RestClient over a stub request factory, one thread, no network",
				profiles(lines, file, stubs.get(2), stubs.get(3)));
	}

	private static Map<String, Profile> profiles(List<String> lines, Path file, String floor, String starter)
			throws IOException {
		Map<String, Profile> profiles = new LinkedHashMap<>();
		for (String role : List.of(floor, starter)) {
			Slices slices = Slices.parse(lines, role);
			profiles.put((role.equals(floor)) ? ClientProbe.FLOOR : ClientProbe.STARTER,
					new Profile(slices, FlightRecording.read(file, slices.windows), file));
		}
		return profiles;
	}

	void appendTo(StringBuilder report) {
		this.profiles.forEach((title, roles) -> {
			Profile floor = roles.get(ClientProbe.FLOOR);
			Profile starter = roles.get(ClientProbe.STARTER);
			report.append(String.format(Locale.ROOT,
					"| Flight recording, %s | Floor | Starter | Starter − floor |%n|---|--:|--:|--:|%n", title));
			row(report, "Calls per second while recorded", floor.callsPerSecond(), starter.callsPerSecond(), 0);
			row(report, "CPU time per call (µs): of the JVM, client and server; over stubs, of the calling thread",
					floor.cpuMicrosPerCall(), starter.cpuMicrosPerCall(), 1);
			row(report, "Bytes allocated per call (by JFR's allocation samples)", floor.bytesPerCall(),
					starter.bytesPerCall(), 0);
			row(report, "Execution samples", floor.recording().samples(), starter.recording().samples(), 0);
			row(report, "CPU time per call with the starter's code on the stack (µs, by samples)",
					floor.micros(floor.recording().underStarter()), starter.micros(starter.recording().underStarter()),
					1);
			report.append('\n');
			differences(report, "Method on top of the stack (µs per call, by samples)", floor, starter,
					FlightRecording::byMethod, false);
			differences(report, "Package on top of the stack (µs per call, by samples)", floor, starter,
					FlightRecording::byPackage, false);
			differences(report, "Class allocated (bytes per call, by JFR's allocation samples)", floor, starter,
					FlightRecording::bytesByClass, true);
			report.append(String.format(Locale.ROOT, "Recording: `%s`.%n%n", floor.file()));
		});
		if (!this.profiles.isEmpty()) {
			report.append(String.format(Locale.ROOT,
					"The floor and the starter's client of a setup in one fresh JVM with its loopback server, %d "
							+ "calls in flight for a WebClient, %d threads for a RestClient, warmed up for %d passes "
							+ "of %d s each, then recorded with JFR's profile settings and execution samples every %d "
							+ "ms, in alternating slices of %.1f s, %d s per client: each client's figures come from "
							+ "the events of its own slices. Time by samples: a method's share of the client's "
							+ "execution samples times its CPU time per call (the CPU time of the JVM, client and "
							+ "server; samples of threads in Java code only, so native I/O has no share). Bytes by "
							+ "JFR's allocation samples, each weighed by the bytes it stands for. Over stubs: the "
							+ "whole clients of the JMH benchmark called one after another from one thread, in the same "
							+ "alternating slices; the CPU time is that thread's.%n%n",
					Side.REACTIVE_CONCURRENCY, Side.BLOCKING_CONCURRENCY, ThroughputBenchmark.MAX_WARMUP_PASSES,
					this.plan.jitWarmup().toSeconds(), FlightRecording.SAMPLING_PERIOD.toMillis(),
					this.plan.measure().toMillis() / 1000.0, this.plan.profile().toSeconds()));
		}
	}

	private static void row(StringBuilder report, String measure, double floor, double starter, int decimals) {
		report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", measure, Stats.number(floor, decimals),
				Stats.number(starter, decimals),
				(starter - floor >= 0 ? "+" : "") + Stats.number(starter - floor, decimals)));
	}

	/**
	 * The keys whose cost per call differs most between the floor and the starter.
	 */
	private static void differences(StringBuilder report, String title, Profile floor, Profile starter,
			Function<FlightRecording, Map<String, Long>> counts, boolean bytes) {
		Set<String> keys = new HashSet<>(counts.apply(floor.recording()).keySet());
		keys.addAll(counts.apply(starter.recording()).keySet());
		List<String> top = new ArrayList<>(keys);
		top.sort(Comparator.comparingDouble(
				(String key) -> -Math.abs(perCall(starter, counts, key, bytes) - perCall(floor, counts, key, bytes))));
		report.append("| ").append(title).append(" | Floor | Starter | Starter − floor |\n|---|--:|--:|--:|\n");
		for (String key : top.subList(0, Math.min(TOP, top.size()))) {
			double before = perCall(floor, counts, key, bytes);
			double after = perCall(starter, counts, key, bytes);
			row(report, "`" + key + "`", before, after, bytes ? 0 : 2);
		}
		report.append('\n');
	}

	private static double perCall(Profile profile, Function<FlightRecording, Map<String, Long>> counts, String key,
			boolean bytes) {
		long count = counts.apply(profile.recording()).getOrDefault(key, 0L);
		return bytes ? count / profile.calls() : profile.micros(count);
	}

	/**
	 * One client's recording and what it did while recorded.
	 *
	 * @param slices the slices in which it ran
	 * @param recording what the recording says of those slices
	 * @param file the recording
	 */
	record Profile(Slices slices, FlightRecording recording, Path file) {

		double callsPerSecond() {
			return this.slices.calls / this.slices.seconds;
		}

		double cpuMicrosPerCall() {
			return this.slices.cpuMicros / this.slices.calls;
		}

		double calls() {
			return this.slices.calls;
		}

		double bytesPerCall() {
			return this.recording.bytes() / this.slices.calls;
		}

		/** The CPU time per call that the given number of samples stands for. */
		double micros(long samples) {
			return (this.recording.samples() > 0) ? cpuMicrosPerCall() * samples / this.recording.samples() : 0;
		}

	}

	/**
	 * The slices in which one client ran while the other waited: their windows, and the
	 * calls, CPU time and time measured in them; also as the line a forked JVM prints.
	 */
	static final class Slices {

		static final String PREFIX = "profile\t";

		private final List<long[]> windows = new ArrayList<>();

		private double calls;

		private double cpuMicros;

		private double seconds;

		/**
		 * Add a slice measured from the given instant, in milliseconds since the epoch.
		 */
		void add(long start, Duration measure, Load.Throughput throughput) {
			double slice = measure.toNanos() / 1e9;
			double calls = throughput.callsPerSecond() * slice;
			this.windows.add(new long[] { start, start + measure.toMillis() });
			this.calls += calls;
			this.cpuMicros += throughput.cpuMicrosPerCall() * calls;
			this.seconds += slice;
		}

		String line(String role) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s%s\t%.1f\t%.1f\t%.3f", PREFIX, role,
					this.calls, this.cpuMicros, this.seconds));
			this.windows.forEach((window) -> line.append('\t').append(window[0]).append('-').append(window[1]));
			return line.toString();
		}

		static Slices parse(List<String> lines, String role) {
			String line = lines.stream()
				.filter((candidate) -> candidate.startsWith(PREFIX + role + "\t"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No profile of the " + role + ":\n" + lines));
			String[] fields = line.substring(PREFIX.length()).split("\t");
			Slices slices = new Slices();
			slices.calls = Double.parseDouble(fields[1]);
			slices.cpuMicros = Double.parseDouble(fields[2]);
			slices.seconds = Double.parseDouble(fields[3]);
			for (int i = 4; i < fields.length; i++) {
				String[] window = fields[i].split("-");
				slices.windows.add(new long[] { Long.parseLong(window[0]), Long.parseLong(window[1]) });
			}
			return slices;
		}

	}

}
