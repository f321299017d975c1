package org.neuralcanvas.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.project.TrainingSettings;

/**
 * What a paused run can take over on resume: the learning rate (on the same optimizer, its state kept), the number of
 * epochs, the batch size and the callbacks. The rest (another optimizer or its other arguments, the loss, the metrics,
 * the validation split, shuffling, the seed) would need another network or other data, so it waits for the next run.
 */
public final class PausedChanges {

    private PausedChanges() {
    }

    /** The run's settings with the changes a resume takes over. */
    public static TrainingSettings applicable(TrainingSettings running, TrainingSettings changed) {
        return running.withOptimizer(running.optimizer().withLearningRate(changed.optimizer().learningRate()))
                .withEpochs(changed.epochs()).withBatchSize(changed.batchSize()).withCallbacks(changed.callbacks());
    }

    /** The Keras names of the changed settings a resume leaves for the next run; empty when it takes all of them. */
    public static List<String> leftForNextRun(TrainingSettings running, TrainingSettings changed) {
        List<String> names = new ArrayList<>();
        if (!running.optimizer().withLearningRate(0).equals(changed.optimizer().withLearningRate(0))) {
            names.add("optimizer");
        }
        if (!running.loss().equals(changed.loss())) {
            names.add("loss");
        }
        if (!running.metrics().equals(changed.metrics())) {
            names.add("metrics");
        }
        if (running.validationSplit() != changed.validationSplit()) {
            names.add("validation_split");
        }
        if (running.shuffle() != changed.shuffle()) {
            names.add("shuffle");
        }
        if (running.seed() != changed.seed()) {
            names.add("seed");
        }
        return names;
    }
}
