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

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.springframework.web.client.RestClient;

/**
 * The ways load is put on a blocking client, as {@link Load} does on a reactive one, with
 * platform threads (Java 17 has no virtual threads): a thread per call in flight for
 * throughput, and a pool of {@value #THREADS} threads for a burst of calls and for calls
 * started at a fixed rate.
 *
 * @author Pattern Health Spring Boot authors
 */
final class BlockingLoad {

	/** The threads that carry a burst, or the calls of an open loop. */
	static final int THREADS = 200;

	private static final AtomicInteger threadCount = new AtomicInteger();

	private BlockingLoad() {
	}

	/**
	 * One API call, whose answer body is read as a string.
	 */
	static String call(RestClient restClient) {
		return restClient.get().uri(LoopbackPatternHealthServer.API_PATH).retrieve().body(String.class);
	}

	/**
	 * Keep {@code concurrency} calls in flight, one per thread, each starting as soon as
	 * the previous one ends; count the calls that complete during {@code measure}, after
	 * {@code warmup}.
	 * @return calls per second and failed calls
	 */
	static Load.Throughput throughput(RestClient restClient, int concurrency, Duration warmup, Duration measure) {
		AtomicLong completed = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicBoolean stopped = new AtomicBoolean();
		ThreadPoolExecutor threads = threads(concurrency);
		for (int i = 0; i < concurrency; i++) {
			threads.execute(() -> {
				while (!stopped.get()) {
					try {
						call(restClient);
						completed.incrementAndGet();
					}
					catch (RuntimeException ex) {
						failed.incrementAndGet();
					}
				}
			});
		}
		Load.sleep(warmup);
		long startCount = completed.get();
		long start = System.nanoTime();
		long startCpu = Load.processCpuTime();
		Load.sleep(measure);
		long endCount = completed.get();
		long end = System.nanoTime();
		long endCpu = Load.processCpuTime();
		stopped.set(true);
		shutDown(threads);
		long calls = endCount - startCount;
		return new Load.Throughput(calls * 1e9 / (end - start), (endCpu - startCpu) / 1e3 / calls, failed.get());
	}

	/**
	 * Start {@code calls} calls at once on {@value #THREADS} threads, released together
	 * once every thread is ready, and wait for all of them: the first {@value #THREADS}
	 * start together, each of the others as soon as a thread is free.
	 * @return the number of calls that failed
	 */
	static long burst(RestClient restClient, int calls) {
		AtomicLong failed = new AtomicLong();
		CountDownLatch ready = new CountDownLatch(Math.min(calls, THREADS));
		CountDownLatch go = new CountDownLatch(1);
		ThreadPoolExecutor threads = threads(THREADS);
		for (int i = 0; i < calls; i++) {
			threads.execute(() -> {
				ready.countDown();
				try {
					go.await();
					call(restClient);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failed.incrementAndGet();
				}
				catch (RuntimeException ex) {
					failed.incrementAndGet();
				}
			});
		}
		await(ready);
		go.countDown();
		shutDown(threads);
		return failed.get();
	}

	/**
	 * Start calls at a fixed rate on a pool of {@value #THREADS} threads, whether or not
	 * earlier calls have ended, and time each one from the instant it was due to start,
	 * so that a call that waits for a free thread or for a slow call is timed with its
	 * wait.
	 */
	static Load.Samples openLoop(RestClient restClient, int callsPerSecond, Duration duration) {
		int total = (int) (callsPerSecond * duration.toMillis() / 1000);
		long period = TimeUnit.SECONDS.toNanos(1) / callsPerSecond;
		long[] startedAt = new long[total];
		long[] latency = new long[total];
		AtomicLong failed = new AtomicLong();
		ThreadPoolExecutor threads = threads(THREADS);
		long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
		for (int i = 0; i < total; i++) {
			int index = i;
			long due = origin + i * period;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			startedAt[index] = due;
			threads.execute(() -> {
				try {
					call(restClient);
				}
				catch (RuntimeException ex) {
					failed.incrementAndGet();
				}
				latency[index] = System.nanoTime() - due;
			});
		}
		shutDown(threads);
		return new Load.Samples(startedAt, latency, failed.get());
	}

	/**
	 * A fixed pool of started daemon threads, whose queue takes every task given.
	 */
	private static ThreadPoolExecutor threads(int count) {
		ThreadPoolExecutor threads = new ThreadPoolExecutor(count, count, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "blocking-load-" + threadCount.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		threads.prestartAllCoreThreads();
		return threads;
	}

	/**
	 * Let the tasks given end, and wait for them (which makes what they wrote visible).
	 */
	private static void shutDown(ThreadPoolExecutor threads) {
		threads.shutdown();
		try {
			if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
				threads.shutdownNow();
				throw new IllegalStateException("Calls still running 60 s after the last one started");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Threads not ready after 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
