package org.neuralcanvas.engine.keras;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs work that cannot be interrupted (native HDF5 reads, DL4J's network build) on its own
 * daemon thread and waits for it at most a given time, looking at the cancel flag every 100 ms.
 * On time-out or cancel the thread is abandoned: it finishes or dies on its own, and being a
 * daemon it never keeps the application from exiting.
 */
final class BoundedCall {

    /** The work did not finish in time. */
    static final class TimedOut extends Exception {
        TimedOut() {
            super(null, null, false, false);
        }
    }

    private BoundedCall() {
    }

    /**
     * @throws TimedOut               when the time is up
     * @throws ExecutionException     wrapping what the work threw
     * @throws CancellationException  when the flag turned true
     */
    static <T> T run(String threadName, Callable<T> work, Duration limit, BooleanSupplier cancelled)
            throws TimedOut, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Import cancelled.");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 && !result.isDone()) {
                throw new TimedOut();
            }
            try {
                return result.get(Math.max(1, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100))), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // look at the cancel flag and the clock again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Import interrupted.");
            }
        }
    }
}
