package org.neuralcanvas.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the window's threads are made: the I/O thread, the training work thread, the Keras import, the
 * dataset download, the tickers. Each is a daemon (a thread left running never keeps the process alive after the
 * window closed), named {@code neuralcanvas-NAME} so a thread dump and the log say whose it is, and has a handler for
 * what its task did not catch: the app's catch-all ({@code ui.main.UncaughtFailures}, installed as the default
 * handler: logged in full, one sentence in a dialog), or the log where none is installed (tests, benchmarks).
 * Whoever makes an executor here owns it and shuts it down (the features on exit, {@link FxTicker#dispose}).
 */
public final class AppThreads {

    private static final Logger LOG = LoggerFactory.getLogger(AppThreads.class);

    /** Every thread's handler: the process's default one when the app installed it, else the log. */
    static final Thread.UncaughtExceptionHandler HANDLER = (thread, failure) -> {
        Thread.UncaughtExceptionHandler app = Thread.getDefaultUncaughtExceptionHandler();
        if (app != null) {
            app.uncaughtException(thread, failure);
        } else {
            LOG.error("Unexpected failure on thread {}", thread.getName(), failure);
        }
    };

    private AppThreads() {
    }

    /** Named daemon threads with the handler. */
    public static ThreadFactory named(String name) {
        return task -> thread(name, task);
    }

    /** A thread, not yet started. */
    public static Thread thread(String name, Runnable task) {
        Thread t = new Thread(task, "neuralcanvas-" + name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(HANDLER);
        return t;
    }

    /** One thread taking tasks in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /** One timer thread; cancelled tasks leave its queue at once. */
    public static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named(name));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
