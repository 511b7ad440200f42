package dev.workbench.app;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs units on a fixed pool of worker threads, one unit per thread at a time, in list order. Each unit
 * builds, initialises and fits its network on its worker thread, so results do not depend on the pool size.
 */
final class UnitScheduler {

    private final int threads;

    UnitScheduler(int threads) {
        this.threads = threads;
    }

    void run(List<Unit> units, Consumer<Unit> work) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unit-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = units.stream()
                    .<Future<?>>map(u -> pool.submit(() -> work.accept(u)))
                    .toList();
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
