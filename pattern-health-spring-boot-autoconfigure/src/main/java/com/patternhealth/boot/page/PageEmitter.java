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

package com.patternhealth.boot.page;

import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Emits the elements of a paged list to a {@link FluxSink}: a page is requested only when
 * the subscriber wants more elements than the pages received hold, one page at a time,
 * and the request on its way is cancelled when the subscriber cancels. The elements of a
 * page are its items, or the page itself.
 * <p>
 * Everything that touches the sink, the links and the current page runs in
 * {@link #drain()}, on one thread at a time; the subscriber's demand and the answer to a
 * request are handed over through atomic and volatile fields.
 *
 * @param <T> the type of the items
 * @param <E> the type of the elements emitted
 * @author Pattern Health Spring Boot authors
 */
final class PageEmitter<T, E> {

	private final FluxSink<E> sink;

	private final Mono<RequestedPage<T>> firstPage;

	private final Function<URI, Mono<PatternHealthPage<T>>> nextPage;

	private final Function<PatternHealthPage<T>, Iterator<E>> elements;

	private final MaxPages maxPages;

	private final AtomicInteger work = new AtomicInteger();

	private final AtomicLong demand = new AtomicLong();

	private final Disposable.Swap inFlight = Disposables.swap();

	private volatile @Nullable RequestedPage<T> received;

	private volatile @Nullable Throwable failure;

	private @Nullable NextPageLinks links;

	private @Nullable PatternHealthPage<T> current;

	private Iterator<E> pending = Collections.emptyIterator();

	private boolean requesting;

	private boolean done;

	private PageEmitter(FluxSink<E> sink, Mono<RequestedPage<T>> firstPage,
			Function<URI, Mono<PatternHealthPage<T>>> nextPage, Function<PatternHealthPage<T>, Iterator<E>> elements,
			MaxPages maxPages) {
		this.sink = sink;
		this.firstPage = firstPage;
		this.nextPage = nextPage;
		this.elements = elements;
		this.maxPages = maxPages;
	}

	/**
	 * Return a {@link Flux} of the elements of a list's pages.
	 * @param <T> the type of the items
	 * @param <E> the type of the elements emitted
	 * @param firstPage requests the first page, when subscribed to
	 * @param nextPage requests the page at an absolute URL, when subscribed to
	 * @param elements the elements of a page
	 * @param maxPages the greatest number of pages to request
	 * @return the elements of every page
	 */
	static <T, E> Flux<E> flux(Mono<RequestedPage<T>> firstPage, Function<URI, Mono<PatternHealthPage<T>>> nextPage,
			Function<PatternHealthPage<T>, Iterator<E>> elements, MaxPages maxPages) {
		return Flux.create((sink) -> {
			PageEmitter<T, E> emitter = new PageEmitter<>(sink, firstPage, nextPage, elements, maxPages);
			sink.onDispose(emitter.inFlight);
			sink.onRequest(emitter::request);
		});
	}

	private void request(long n) {
		this.demand.accumulateAndGet(n, (wanted, added) -> (wanted + added < 0) ? Long.MAX_VALUE : wanted + added);
		drain();
	}

	private void drain() {
		if (this.work.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			try {
				emit();
			}
			catch (RuntimeException ex) {
				this.done = true;
				this.sink.error(ex);
			}
			missed = this.work.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void emit() {
		if (this.done || this.sink.isCancelled()) {
			return;
		}
		Throwable failure = this.failure;
		if (failure != null) {
			this.done = true;
			this.sink.error(failure);
			return;
		}
		RequestedPage<T> received = this.received;
		if (received != null) {
			this.received = null;
			this.requesting = false;
			if (this.links == null) {
				this.links = new NextPageLinks(received.url(), this.maxPages);
			}
			this.current = received.page();
			this.pending = this.elements.apply(received.page());
		}
		while (this.pending.hasNext() && this.demand.get() > 0 && !this.sink.isCancelled()) {
			this.sink.next(this.pending.next());
			if (this.demand.get() != Long.MAX_VALUE) {
				this.demand.decrementAndGet();
			}
		}
		if (this.pending.hasNext() || this.requesting || this.sink.isCancelled()) {
			return;
		}
		if (this.current != null && this.current.nextPage() == null) {
			this.done = true;
			this.sink.complete();
			return;
		}
		if (this.demand.get() > 0) {
			this.requesting = true;
			this.inFlight
				.update(nextRequest().contextWrite(this.sink.contextView()).subscribe(this::receive, this::fail));
		}
	}

	private Mono<RequestedPage<T>> nextRequest() {
		URI link = (this.current != null) ? this.current.nextPage() : null;
		if (this.links == null || link == null) {
			return this.firstPage;
		}
		URI url = this.links.follow(link);
		return this.nextPage.apply(url)
			.map((page) -> new RequestedPage<>(url, page))
			.switchIfEmpty(Mono.error(() -> PatternHealthPagingException.noPage(url)));
	}

	private void receive(RequestedPage<T> page) {
		this.received = page;
		drain();
	}

	private void fail(Throwable failure) {
		this.failure = failure;
		drain();
	}

}
