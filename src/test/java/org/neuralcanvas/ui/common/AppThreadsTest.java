package org.neuralcanvas.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window's threads are named daemons whose uncaught failures reach the app's catch-all. */
class AppThreadsTest {

    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void aFailureNoTaskCaughtReachesTheInstalledHandlerWithTheThreadsName() throws Exception {
        CompletableFuture<Thread> failedOn = new CompletableFuture<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            failedOn.complete(t);
            failure.complete(e);
        });
        ExecutorService io = AppThreads.single("test-io");
        IllegalStateException thrown = new IllegalStateException("a bug in a background task");
        io.execute(() -> {
            throw thrown;
        });
        assertSame(thrown, failure.get(10, TimeUnit.SECONDS));
        Thread t = failedOn.get();
        assertEquals("neuralcanvas-test-io", t.getName());
        assertTrue(t.isDaemon(), "a thread left running never keeps the process alive");
        io.shutdown();
        assertTrue(io.awaitTermination(10, TimeUnit.SECONDS));
    }

    @Test
    void withoutAnInstalledHandlerTheFailureIsLoggedAndTheNextTaskStillRuns() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(null);
        ExecutorService io = AppThreads.single("test-log");
        io.execute(() -> {
            throw new IllegalStateException("logged, not shown");
        });
        CompletableFuture<String> next = new CompletableFuture<>();
        io.execute(() -> next.complete(Thread.currentThread().getName()));
        assertEquals("neuralcanvas-test-log", next.get(10, TimeUnit.SECONDS), "a new thread of the same name takes over");
        io.shutdown();
    }
}
