package org.neuralcanvas.ui.training;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the dashboard's drain on the FX thread every 100 ms while a run is on. Not a JavaFX
 * {@code Timeline}: a playing animation makes JavaFX pulse 60 times a second (CSS and layout
 * passes over the whole window) even when nothing changed, which on a two-core machine is time
 * taken from training. A drain is never queued twice: a slow FX thread gets fewer, larger batches.
 */
final class DrainTicker {

    static final long PERIOD_MS = 100;

    private final Executor fx;
    private final Runnable drain;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> ticking;

    DrainTicker(Executor fx, Runnable drain) {
        this.fx = fx;
        this.drain = drain;
    }

    /** Starts ticking (FX thread). */
    void play() {
        if (ticking != null) {
            return;
        }
        if (timer == null) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "dashboard-ticker");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            timer = t;
        }
        ticking = timer.scheduleAtFixedRate(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (queued.compareAndSet(false, true)) {
            fx.execute(() -> {
                queued.set(false);
                drain.run();
            });
        }
    }

    /** Stops ticking (FX thread); the thread stays for the next run. */
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }
}
