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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Draws the latency of every call of a latency run as plain SVG: one panel per side, and
 * in each the 50th and 99th percentile of the calls that started in each time bucket, for
 * Spring Security's client and the starter's, on a logarithmic scale, with a tick on the
 * time axis wherever a token request started. Percentiles per bucket keep the file small,
 * whatever the number of calls.
 *
 * @author Pattern Health Spring Boot authors
 */
final class LatencyChart {

	static final long BUCKET_NANOS = 250_000_000L;

	private static final int WIDTH = 900;

	private static final int PANEL_HEIGHT = 250;

	private static final int LEFT = 60;

	private static final int RIGHT = 20;

	private static final int TOP = 30;

	private static final int AXIS = 60;

	private static final double MIN_MILLIS = 0.1;

	private static final double MAX_MILLIS = 10_000;

	private static final String[] COLORS = { "#d62728", "#1f77b4" };

	private final Map<String, List<Series>> panels = new LinkedHashMap<>();

	/**
	 * Add the calls of one client's run to the panel of the given title.
	 * @param panel the title of the panel, one per side
	 * @param name the client
	 * @param samples when each call was due and how long it took
	 * @param tokenRequests when each token request of the run started, in the units of
	 * {@link System#nanoTime()}
	 */
	void add(String panel, String name, Load.Samples samples, List<Long> tokenRequests) {
		this.panels.computeIfAbsent(panel, (key) -> new ArrayList<>()).add(new Series(name, samples, tokenRequests));
	}

	boolean isEmpty() {
		return this.panels.isEmpty();
	}

	void write(Path file, String caption) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, svg(caption), StandardCharsets.UTF_8);
	}

	String svg(String caption) {
		double seconds = this.panels.values()
			.stream()
			.flatMap(List::stream)
			.mapToDouble(Series::seconds)
			.max()
			.orElse(1);
		int height = TOP + this.panels.size() * (PANEL_HEIGHT + AXIS) + 20;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
						+ "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" "
						+ "fill=\"white\"/>%n<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>%n",
				WIDTH, height, WIDTH, height, LEFT, escape(caption)));
		int top = TOP;
		for (Map.Entry<String, List<Series>> panel : this.panels.entrySet()) {
			panel(svg, panel.getKey(), panel.getValue(), top, seconds);
			top += PANEL_HEIGHT + AXIS;
		}
		return svg.append("</svg>\n").toString();
	}

	private void panel(StringBuilder svg, String title, List<Series> series, int top, double seconds) {
		int bottom = top + PANEL_HEIGHT;
		svg.append(String.format(Locale.ROOT,
				"<g><text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n<rect x=\"%d\" y=\"%d\" width=\"%d\" "
						+ "height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
				LEFT + 5, top + 14, escape(title), LEFT, top, WIDTH - LEFT - RIGHT, PANEL_HEIGHT));
		for (double millis = MIN_MILLIS; millis <= MAX_MILLIS; millis *= 10) {
			double y = y(millis, top);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" "
							+ "text-anchor=\"end\">%s ms</text>%n",
					LEFT, y, WIDTH - RIGHT, y, LEFT - 4, y + 4, Stats.number(millis, (millis < 1) ? 1 : 0)));
		}
		for (int second = 0; second <= seconds; second++) {
			double x = x(second, seconds);
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n", x,
					bottom + 14, second));
		}
		for (int i = 0; i < series.size(); i++) {
			Series one = series.get(i);
			String color = COLORS[i % COLORS.length];
			double[][] percentiles = one.percentiles();
			svg.append(polyline(percentiles, 1, top, seconds, color, "1.5", null));
			svg.append(polyline(percentiles, 0, top, seconds, color, "1", "4 3"));
			for (double requested : one.tokenRequestSeconds()) {
				double x = x(requested, seconds);
				svg.append(String.format(Locale.ROOT,
						"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n", x,
						bottom - 8 - 8 * i, x, bottom - 8 * i, color));
			}
			int legend = bottom + 28 + 13 * i;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"/><text "
							+ "x=\"%d\" y=\"%d\">%s: p99 (solid) and p50 (dashed) of the calls started in each %d "
							+ "ms; ticks below: token requests</text>%n",
					LEFT, legend - 4, LEFT + 20, legend - 4, color, LEFT + 25, legend, escape(one.name()),
					BUCKET_NANOS / 1_000_000));
		}
		svg.append("</g>\n");
	}

	private static String polyline(double[][] percentiles, int column, int top, double seconds, String color,
			String width, @Nullable String dashes) {
		StringBuilder points = new StringBuilder();
		for (int bucket = 0; bucket < percentiles.length; bucket++) {
			double millis = percentiles[bucket][column];
			if (!Double.isNaN(millis)) {
				double x = x((bucket + 0.5) * BUCKET_NANOS / 1e9, seconds);
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(millis, top)));
			}
		}
		return String.format(Locale.ROOT,
				"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s points=\"%s\"/>%n", color, width,
				(dashes != null) ? " stroke-dasharray=\"" + dashes + "\"" : "", points.toString().trim());
	}

	private static double x(double second, double seconds) {
		return LEFT + second / seconds * (WIDTH - LEFT - RIGHT);
	}

	private static double y(double millis, int top) {
		double clamped = Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, millis));
		double share = Math.log10(clamped / MIN_MILLIS) / Math.log10(MAX_MILLIS / MIN_MILLIS);
		return top + PANEL_HEIGHT - share * PANEL_HEIGHT;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * One client's run.
	 *
	 * @param name the client
	 * @param samples when each call was due and how long it took
	 * @param tokenRequests when each token request started
	 */
	record Series(String name, Load.Samples samples, List<Long> tokenRequests) {

		long origin() {
			return (this.samples.startedAt().length > 0) ? this.samples.startedAt()[0] : 0;
		}

		double seconds() {
			long[] started = this.samples.startedAt();
			return (started.length > 0) ? (started[started.length - 1] - origin()) / 1e9 : 0;
		}

		/**
		 * The 50th and 99th percentile, in milliseconds, of the calls that started in
		 * each bucket.
		 */
		double[][] percentiles() {
			long[] started = this.samples.startedAt();
			long[] latency = this.samples.latency();
			int buckets = (int) (seconds() * 1e9 / BUCKET_NANOS) + 1;
			List<List<Long>> calls = new ArrayList<>();
			for (int bucket = 0; bucket < buckets; bucket++) {
				calls.add(new ArrayList<>());
			}
			for (int i = 0; i < started.length; i++) {
				calls.get((int) ((started[i] - origin()) / BUCKET_NANOS)).add(latency[i]);
			}
			double[][] percentiles = new double[buckets][];
			for (int bucket = 0; bucket < buckets; bucket++) {
				long[] inBucket = calls.get(bucket).stream().mapToLong(Long::longValue).toArray();
				percentiles[bucket] = new double[] { Stats.percentile(inBucket, 50) / 1e6,
						Stats.percentile(inBucket, 99) / 1e6 };
			}
			return percentiles;
		}

		/**
		 * When token requests started, in seconds from the first call, at most one per
		 * bucket.
		 */
		double[] tokenRequestSeconds() {
			TreeSet<Long> buckets = new TreeSet<>();
			this.tokenRequests.stream()
				.filter((instant) -> instant >= origin())
				.forEach((instant) -> buckets.add((instant - origin()) / (BUCKET_NANOS / 5)));
			return buckets.stream().mapToDouble((bucket) -> bucket * (BUCKET_NANOS / 5) / 1e9).toArray();
		}

	}

}
