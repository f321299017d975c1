package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KerasImportTaskTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final CountDownLatch never = new CountDownLatch(1);

    /** Weights that never finish reading, as a file on a stalled network drive would. */
    private final KerasImporter hanging = new KerasImporter(source -> (layer, max) -> {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return source.arraysOf(layer, max);
    });

    @AfterEach
    void stop() {
        never.countDown();
        executor.shutdownNow();
    }

    @Test
    void reportsProgressUpToDone() throws Exception {
        List<Double> fractions = new ArrayList<>();
        KerasImportTask task = new KerasImportTask(new KerasImporter(),
                KerasImporterTest.resource("keras2_functional_residual.h5"), KerasImportOptions.defaults());
        KerasImportResult r = task.start(Runnable::run, (f, step) -> fractions.add(f)).get();
        assertTrue(r.weightsLoaded());
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress only goes forward");
        }
    }

    @Test
    void cancelStopsAnImportThatIsWaitingForItsWeights() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        KerasImportTask task = new KerasImportTask(hanging, KerasImporterTest.resource("keras2_sequential_lstm.h5"),
                KerasImportOptions.defaults().withTimeout(Duration.ofHours(1)));
        var future = task.start(executor, (f, step) -> {
            if (step.startsWith("Loading and checking the trained weights")) {
                loading.countDown();
            }
        });
        assertTrue(loading.await(30, TimeUnit.SECONDS));
        task.cancel();
        assertThrows(CancellationException.class, () -> future.get(30, TimeUnit.SECONDS));
        assertTrue(task.isCancelled());
    }

    @Test
    void whenTheWeightsTakeTooLongTheArchitectureStillOpens() throws Exception {
        KerasImportTask task = new KerasImportTask(hanging, KerasImporterTest.resource("keras2_sequential_lstm.h5"),
                KerasImportOptions.defaults().withTimeout(Duration.ofSeconds(1)));
        KerasImportResult r = task.start(executor, ImportProgress.NONE).get(30, TimeUnit.SECONDS);
        assertFalse(r.weightsLoaded());
        assertEquals(4, r.project().graph().nodes().size() - 1, "three LSTMs and a Dense after the Input");
        assertEquals(List.of("Reading the trained weights took longer than 1 s, so the architecture opened without "
                + "them; it can be trained anew."), r.messages());
    }

    @Test
    void aBadFileFailsTheFutureWithTheUsersSentence() {
        KerasImportTask task = new KerasImportTask(new KerasImporter(), KerasImporterTest.resource("not_hdf5.h5"),
                KerasImportOptions.defaults());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> task.start(Runnable::run, ImportProgress.NONE).get());
        assertInstanceOf(KerasImportException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("is neither an HDF5 file nor a zip"));
    }
}
