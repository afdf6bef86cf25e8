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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The ways load is put on a client: a closed loop of concurrent calls for throughput, a
 * burst of simultaneous calls, and an open loop at a fixed rate for latency.
 *
 * @author Pattern Health Spring Boot authors
 */
final class Load {

	private Load() {
	}

	/**
	 * One API call, whose answer body is read as a string.
	 */
	static Mono<String> call(WebClient webClient) {
		return webClient.get().uri(LoopbackPatternHealthServer.API_PATH).retrieve().bodyToMono(String.class);
	}

	/**
	 * Keep {@code concurrency} calls in flight, each starting as soon as the previous one
	 * ends; count the calls that complete during {@code measure}, after {@code warmup}.
	 * @return calls per second and failed calls
	 */
	static Throughput throughput(WebClient webClient, int concurrency, Duration warmup, Duration measure) {
		ClosedLoop loop = ClosedLoop.start(webClient, concurrency);
		sleep(warmup);
		long startCount = loop.completed();
		long start = System.nanoTime();
		long startCpu = processCpuTime();
		sleep(measure);
		long endCount = loop.completed();
		long end = System.nanoTime();
		long endCpu = processCpuTime();
		loop.stop();
		long calls = endCount - startCount;
		return new Throughput(calls * 1e9 / (end - start), (endCpu - startCpu) / 1e3 / calls, loop.failed());
	}

	/**
	 * Start {@code calls} calls at once and wait for all of them.
	 * @return the number of calls that failed
	 */
	static long burst(WebClient webClient, int calls) {
		AtomicLong failed = new AtomicLong();
		Flux.range(0, calls).flatMap((i) -> call(webClient).onErrorResume((ex) -> {
			failed.incrementAndGet();
			return Mono.empty();
		}), calls).then().block(Duration.ofSeconds(60));
		return failed.get();
	}

	/**
	 * Start calls at a fixed rate, whether or not earlier calls have ended, and time each
	 * one from the instant it was due to start (so that a slow call does not hide the
	 * delay of the ones behind it).
	 */
	static Samples openLoop(WebClient webClient, int callsPerSecond, Duration duration) {
		int total = (int) (callsPerSecond * duration.toMillis() / 1000);
		long period = TimeUnit.SECONDS.toNanos(1) / callsPerSecond;
		long[] startedAt = new long[total];
		long[] latency = new long[total];
		AtomicLong failed = new AtomicLong();
		CountDownLatch done = new CountDownLatch(total);
		long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
		for (int i = 0; i < total; i++) {
			int index = i;
			long due = origin + i * period;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			startedAt[index] = due;
			call(webClient).subscribe(null, (ex) -> {
				latency[index] = System.nanoTime() - due;
				failed.incrementAndGet();
				done.countDown();
			}, () -> {
				latency[index] = System.nanoTime() - due;
				done.countDown();
			});
		}
		try {
			if (!done.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Calls still running 60 s after the last one started");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new Samples(startedAt, latency, failed.get());
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Concurrent calls, each starting as soon as the previous one ends, until stopped.
	 */
	static final class ClosedLoop {

		private final AtomicLong completed = new AtomicLong();

		private final AtomicLong failed = new AtomicLong();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final Mono<Void> running;

		private ClosedLoop(WebClient webClient, int concurrency) {
			Mono<String> call = call(webClient).doOnSuccess((body) -> this.completed.incrementAndGet())
				.onErrorResume((ex) -> {
					this.failed.incrementAndGet();
					return Mono.empty();
				});
			this.running = Flux.range(0, concurrency)
				.flatMap((slot) -> call.repeat(() -> !this.stopped.get()), concurrency)
				.then()
				.cache();
		}

		static ClosedLoop start(WebClient webClient, int concurrency) {
			ClosedLoop loop = new ClosedLoop(webClient, concurrency);
			loop.running.subscribe();
			return loop;
		}

		long completed() {
			return this.completed.get();
		}

		long failed() {
			return this.failed.get();
		}

		void stop() {
			this.stopped.set(true);
			this.running.block(Duration.ofSeconds(30));
		}

	}

	/**
	 * CPU time used by this JVM (clients and server), in nanoseconds.
	 */
	static long processCpuTime() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * Calls per second, the CPU time they cost, and the number of calls that failed.
	 *
	 * @param callsPerSecond completed calls per second
	 * @param cpuMicrosPerCall CPU time of this JVM (client and server) per completed
	 * call, in microseconds
	 * @param failed calls that failed
	 */
	record Throughput(double callsPerSecond, double cpuMicrosPerCall, long failed) {
	}

	/**
	 * When each call of an open loop was due to start ({@link System#nanoTime()}) and how
	 * long it took, in nanoseconds.
	 *
	 * @param startedAt when each call was due to start
	 * @param latency how long each call took
	 * @param failed calls that failed
	 */
	record Samples(long[] startedAt, long[] latency, long failed) {

		/**
		 * The latencies of the calls that started inside one of the given windows, or
		 * outside all of them.
		 * @param windows pairs of start and end instants
		 * @param inside whether to keep the calls inside the windows or outside
		 */
		long[] select(long[][] windows, boolean inside) {
			long[] selected = new long[this.latency.length];
			int count = 0;
			for (int i = 0; i < this.latency.length; i++) {
				boolean in = false;
				for (long[] window : windows) {
					if (this.startedAt[i] >= window[0] && this.startedAt[i] <= window[1]) {
						in = true;
						break;
					}
				}
				if (in == inside) {
					selected[count++] = this.latency[i];
				}
			}
			return Arrays.copyOf(selected, count);
		}

		long[] all() {
			return this.latency.clone();
		}

	}

}
