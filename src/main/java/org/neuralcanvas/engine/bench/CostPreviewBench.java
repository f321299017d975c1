package org.neuralcanvas.engine.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.run.CostPreview;
import org.neuralcanvas.engine.run.RunOutcome;
import org.neuralcanvas.engine.run.RunRequest;
import org.neuralcanvas.engine.run.TrainingRun;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.templates.Templates;

/**
 * How close the Train panel's cost preview is: for five templates, the estimated seconds per epoch next to the
 * measured ones of a real run (the mean of its epochs after the first), and the error.
 *
 * <p>Run: {@code scripts/bench.sh cost-preview [EPOCHS]} (default 3 per template).
 */
public final class CostPreviewBench {

    private CostPreviewBench() {
    }

    public static void main(String[] args) throws Exception {
        new Backends().ensureSelected();
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.println("Backend: " + new Backends().describeInWords());
        BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());
        CostPreview preview = new CostPreview();
        for (String id : List.of("keras_quickstart", "logistic_regression", "boston_housing", "mnist_mlp", "mnist_cnn")) {
            Project p = new Templates().find(id).orElseThrow().newProject();
            TrainingSettings s = p.settings().withEpochs(epochs);
            long examples = data.descriptor(p.dataset()).orElseThrow().trainCount();
            long t0 = System.nanoTime();
            var e = preview.estimate(data, p.dataset(), p.graph(), s, examples);
            double estimateTook = (System.nanoTime() - t0) / 1e9;
            RunRequest request = new RunRequest("bench", Instant.now().toString(), p.graph(), s, p.dataset(), null, null,
                    null);
            RunOutcome outcome = new TrainingRun(data, request, ev -> { }).start(Runnable::run).get();
            List<Double> secs = outcome.model() == null ? List.of() : outcome.model().history().stream()
                    .skip(1).map(r -> r.seconds()).toList();
            double measured = secs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "%-20s estimate %7.2f s/epoch (made in %.1f s), measured %7.2f s/epoch: %+.0f %%%n",
                    id, e.secondsPerEpoch(), estimateTook, measured, 100 * (e.secondsPerEpoch() - measured) / measured);
        }
    }
}
