package org.neuralcanvas.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;

/**
 * What the Histograms tab costs training: the MNIST MLP template on MNIST, epochs alternately with and without the
 * layers' statistics (the same session, so the same JIT and memory state), the median epoch time of each and the
 * difference. The goal (issue 15) is at most 3 % of the epoch time.
 *
 * <p>Run: {@code scripts/bench.sh layer-stats [EPOCHS]} (default 8: four with, four without).
 */
public final class LayerStatsCostBench {

    private LayerStatsCostBench() {
    }

    public static void main(String[] args) throws Exception {
        new Backends().ensureSelected();
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        System.out.println("Backend: " + new Backends().describeInWords());
        Template t = new Templates().find("mnist_mlp").orElseThrow();
        Compilation c = Dl4jCompiler.compile(t.graph().get(), t.settings().withEpochs(epochs + 1));
        DataSet train = BenchRuns.mnistTrainingSet();
        TrainingData data = new TrainingData(new ViewIterator(train, t.settings().batchSize()), null, null,
                DataDescriptor.multiclass(10));
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        int[] gathered = {0};
        TrainingSession session = new TrainingSession(c.model(), data, e -> {
            if (e instanceof TrainingEvent.EpochEnded end && end.result().epoch() > 1) { // epoch 1 warms up
                (end.result().epoch() % 2 == 0 ? with : without).add(end.result().seconds());
            } else if (e instanceof TrainingEvent.LayerStatsReady) {
                gathered[0]++;
            }
        }, null);
        // Even epochs gather; odd ones do not. Read at each epoch's start, as the window's switch is.
        int[] epoch = {0};
        session.collectLayerStats(() -> ++epoch[0] % 2 == 0);
        session.start().get(30, TimeUnit.MINUTES);
        session.close();
        double a = BenchRuns.median(with);
        double b = BenchRuns.median(without);
        System.out.printf(Locale.ROOT, "MNIST MLP, batch %d, %d epochs after a warm-up: median epoch %.3f s with the "
                + "layers' statistics (%d gathered), %.3f s without: %+.2f %% (goal: at most 3 %%)%n",
                t.settings().batchSize(), epochs, a, gathered[0], b, 100 * (a - b) / b);
    }
}
