package org.neuralcanvas.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;

/**
 * What a user does who trains, stops and trains again: the MNIST MLP template on MNIST, each cycle a new session
 * that is stopped after some batches and closed, as the window does for every Train/Stop. Prints the process's
 * resident memory and the Java heap in use after each cycle; the goal (issue 19) is resident memory flat within
 * 10 % after the first five cycles, because ND4J's native memory of a finished run must not wait for a collection.
 *
 * <p>Run: {@code scripts/bench.sh train-cycles [CYCLES] [BATCHES_PER_CYCLE]} (default 50 and 40).
 */
public final class TrainCyclesBench {

    private TrainCyclesBench() {
    }

    public static void main(String[] args) throws Exception {
        new Backends().ensureSelected();
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        System.out.println("Backend: " + new Backends().describeInWords());
        Template t = new Templates().find("mnist_mlp").orElseThrow();
        Compilation c = Dl4jCompiler.compile(t.graph().get(), t.settings());
        DataSet train = BenchRuns.mnistTrainingSet();
        System.out.printf(Locale.ROOT, "%d cycles of %d batches of %d (MNIST MLP), each a new session, stopped and closed%n",
                cycles, batches, t.settings().batchSize());
        System.out.printf(Locale.ROOT, "before any cycle: resident %s, heap in use %s%n", mib(residentBytes()), mib(heapInUse()));
        List<Long> resident = new ArrayList<>();
        for (int i = 1; i <= cycles; i++) {
            TrainingData data = new TrainingData(new ViewIterator(train, t.settings().batchSize()), null, null,
                    DataDescriptor.multiclass(10));
            CountDownLatch enough = new CountDownLatch(batches);
            TrainingSession session = new TrainingSession(c.model(), data, e -> {
                if (e instanceof TrainingEvent.BatchEnded) {
                    enough.countDown();
                }
            }, null);
            var run = session.start();
            enough.await(120, TimeUnit.SECONDS);
            session.stop();
            run.get(120, TimeUnit.SECONDS);
            session.close();
            session.awaitClosed(120, TimeUnit.SECONDS);
            long rss = residentBytes();
            resident.add(rss);
            System.out.printf(Locale.ROOT, "cycle %2d: resident %s, heap in use %s%n", i, mib(rss), mib(heapInUse()));
        }
        if (resident.size() > 5) {
            long after5 = resident.get(4);
            long last = resident.get(resident.size() - 1);
            long max = resident.subList(5, resident.size()).stream().mapToLong(Long::longValue).max().orElse(last);
            System.out.printf(Locale.ROOT, "resident after cycle 5: %s; after the last: %s (%+.1f %%); highest after 5: %s"
                    + " (goal: within 10 %% of cycle 5)%n", mib(after5), mib(last), 100.0 * (last - after5) / after5, mib(max));
        }
    }

    /** VmRSS from /proc/self/status (Linux); 0 where it cannot be read. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long heapInUse() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }
}
