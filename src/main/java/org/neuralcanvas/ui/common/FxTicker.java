package org.neuralcanvas.ui.common;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a task on the FX thread at a fixed period, without a JavaFX animation. A playing
 * {@code Timeline} (even one whose key frame is minutes away) makes JavaFX pulse 60 times a second,
 * CSS and layout passes over the whole window, for as long as it plays; on a two-core machine those
 * wake-ups are taken from training's OpenMP threads. Here a daemon thread sleeps between ticks and
 * only the tick itself reaches the FX thread. A tick is never queued twice: a slow FX thread gets
 * fewer ticks, not a backlog.
 */
public final class FxTicker {

    private final String name;
    private final Duration period;
    private final Executor fx;
    private final Runnable task;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledThreadPoolExecutor timer;
    private ScheduledFuture<?> ticking;

    /**
     * @param name   the timer thread's name (what a thread dump shows)
     * @param fx     runs on the FX thread ({@code Platform::runLater} in the app, inline in tests)
     */
    public FxTicker(String name, Duration period, Executor fx, Runnable task) {
        this.name = name;
        this.period = period;
        this.fx = fx;
        this.task = task;
    }

    /** Starts ticking, first tick one period from now; does nothing while already ticking. FX thread. */
    public void play() {
        if (ticking != null) {
            return;
        }
        if (timer == null) {
            timer = AppThreads.timer(name);
        }
        long ms = period.toMillis();
        ticking = timer.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One period has passed (the timer thread). */
    void tick() {
        if (queued.compareAndSet(false, true)) {
            fx.execute(() -> {
                queued.set(false);
                task.run();
            });
        }
    }

    public boolean isPlaying() {
        return ticking != null;
    }

    /** Stops ticking (FX thread); the timer thread is kept for the next {@link #play}. */
    public void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /** Stops ticking and ends the timer thread (the window closed); a tick already handed to it finishes first. */
    public void dispose() {
        stop();
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
