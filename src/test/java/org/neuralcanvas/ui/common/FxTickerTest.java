package org.neuralcanvas.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxTickerTest {

    @Test
    void aBusyFxThreadGetsOneQueuedTickNotABacklog() {
        Queue<Runnable> fxQueue = new ConcurrentLinkedQueue<>(); // an FX thread that is busy: nothing runs yet
        AtomicInteger ran = new AtomicInteger();
        FxTicker ticker = new FxTicker("test-ticker", Duration.ofHours(1), fxQueue::add, ran::incrementAndGet);
        for (int i = 0; i < 20; i++) {
            ticker.tick();
        }
        assertEquals(1, fxQueue.size(), "ticks while one waits are dropped");
        fxQueue.poll().run();
        assertEquals(1, ran.get());
        ticker.tick();
        assertEquals(1, fxQueue.size(), "once it ran, the next tick is queued again");
    }

    @Test
    void ticksRunOnTheGivenExecutorUntilDisposed() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        AtomicInteger ticks = new AtomicInteger();
        FxTicker ticker = new FxTicker("test-ticker", Duration.ofMillis(5), Runnable::run, () -> {
            ticks.incrementAndGet();
            three.countDown();
        });
        ticker.play();
        assertTrue(ticker.isPlaying());
        assertTrue(three.await(10, TimeUnit.SECONDS));
        ticker.dispose();
        assertFalse(ticker.isPlaying());
        int after = ticks.get();
        CountDownLatch never = new CountDownLatch(1);
        assertFalse(never.await(50, TimeUnit.MILLISECONDS)); // ten periods
        assertEquals(after, ticks.get(), "no tick after dispose");
    }
}
