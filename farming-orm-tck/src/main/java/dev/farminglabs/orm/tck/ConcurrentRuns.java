package dev.farminglabs.orm.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.farminglabs.orm.error.OrmException;

/**
 * Runs the same work on several threads at once (started together by a latch), bounded in time, and retries work
 * that failed with a retryable {@link OrmException} — what the API documents {@code retryable()} for — a bounded
 * number of times.
 */
final class ConcurrentRuns {

	/** How long one concurrent case may run before it fails. */
	static final Duration LIMIT = Duration.ofMinutes(3);

	/** How often a single piece of work is retried after retryable failures before the failure counts. */
	static final int ATTEMPTS = 200;

	/** Retries since the last {@link #run}, for the figures a case reports. */
	private static final java.util.concurrent.atomic.AtomicLong RETRIES = new java.util.concurrent.atomic.AtomicLong();

	private ConcurrentRuns() {
	}

	/** The retries of retryable failures since the last {@link #run} started. */
	static long retries() {
		return RETRIES.get();
	}

	/** Prints a case's figures to the test output (kept in the surefire report), as one line. */
	static void report(TckSupport test, String figures) {
		var handle = test.orm.driver();
		System.out.println("[farming-orm-tck] " + handle.kind() + "/" + handle.dialect() + " "
				+ test.getClass().getName().replaceAll(".*\\.", "") + ": " + figures + ", " + retries()
				+ " retried after retryable errors");
	}

	/** Work of one thread: called with the thread's index and the iteration within the thread. */
	@FunctionalInterface
	interface Step {

		void run(int thread, int iteration) throws Exception;

	}

	/** Runs {@code iterations} steps on each of {@code threads} threads; rethrows the first failure. */
	static void run(int threads, int iterations, Step step) throws Exception {
		RETRIES.set(0);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < iterations; i++) {
						step.run(thread, i);
					}
					return null;
				}));
			}
			start.countDown();
			long deadline = System.nanoTime() + LIMIT.toNanos();
			for (Future<?> future : futures) {
				try {
					future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					Throwable cause = ex.getCause();
					if (cause instanceof Exception exception) {
						throw exception;
					}
					throw (Error) cause;
				}
				catch (TimeoutException ex) {
					throw new AssertionError("Concurrent work did not finish within " + LIMIT, ex);
				}
			}
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * The work's result, retried (after a short random pause) while it fails with a retryable error: in these cases
	 * a conflict, a deadlock or a busy database, which roll the failed attempt back.
	 */
	static <T> T retrying(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OrmException ex) {
				if (!ex.retryable() || attempt >= ATTEMPTS) {
					throw ex;
				}
				RETRIES.incrementAndGet();
				try {
					Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 + Math.min(attempt, 20)));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
