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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The median of repeated rounds with their spread (the middle half of the rounds, from
 * the first to the third quartile by nearest rank), and percentiles of latency samples.
 *
 * @param median the median
 * @param low the first quartile
 * @param high the third quartile
 * @author Pattern Health Spring Boot authors
 */
record Stats(double median, double low, double high) {

	static Stats of(List<Double> values) {
		if (values.isEmpty()) {
			return new Stats(Double.NaN, Double.NaN, Double.NaN);
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Stats(median, rank(sorted, 25), rank(sorted, 75));
	}

	/**
	 * The given percentile (nearest rank) of the samples, or {@code NaN} without samples.
	 */
	static double percentile(long[] samples, double percentile) {
		if (samples.length == 0) {
			return Double.NaN;
		}
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[index(sorted.length, percentile)];
	}

	private static double rank(double[] sorted, double percentile) {
		return sorted[index(sorted.length, percentile)];
	}

	private static int index(int length, double percentile) {
		int rank = (int) Math.ceil(percentile / 100 * length);
		return Math.max(0, Math.min(length - 1, rank - 1));
	}

	/**
	 * Format as {@code median (low–high)} with the given number of decimals.
	 */
	String format(int decimals) {
		if (Double.isNaN(this.median)) {
			return "n/a";
		}
		String median = number(this.median, decimals);
		String low = number(this.low, decimals);
		String high = number(this.high, decimals);
		if (low.equals(median) && high.equals(median)) {
			return median;
		}
		return median + " (" + low + "–" + high + ")";
	}

	static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
