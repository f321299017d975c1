package org.neuralcanvas.project;

import java.util.List;

/**
 * Keras's {@code compile} and {@code fit} arguments for one run: loss, optimizer, metrics,
 * epochs, batch size, validation split, shuffle, seed and callbacks. Immutable: a run works on
 * the settings as they were when Train was pressed.
 *
 * @param loss            categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy, mse, mae, ...
 * @param optimizer       the optimizer and its parameters
 * @param metrics         accuracy, mae, mse
 * @param epochs          number of passes over the training data
 * @param batchSize       samples per gradient step
 * @param validationSplit fraction of the training data held out from its end, as Keras does
 * @param shuffle         shuffle the training data each epoch
 * @param seed            every run has one, so the same settings give the same curve
 * @param callbacks       early stopping, learning-rate reduction, checkpoints
 * @param validation      what validates: the split above, the test set, or K folds of the training data
 */
public record TrainingSettings(String loss, OptimizerSettings optimizer, List<String> metrics, int epochs, int batchSize,
                               double validationSplit, boolean shuffle, long seed, CallbackSettings callbacks,
                               ValidationPlan validation) {

    /** The loss names, as {@link Losses} declares them. */
    public static final List<String> LOSSES = Losses.NAMES;

    public static final List<String> METRICS = List.of("accuracy", "mae", "mse");

    /** Whether a higher value of this score is better ({@code accuracy}, {@code val_accuracy}), not a lower one. */
    public static boolean higherIsBetter(String score) {
        return score.endsWith("accuracy");
    }

    public TrainingSettings {
        // A null in a project file counts as missing, and a missing setting takes its default (docs/architecture.md,
        // "The project file"): the engine never meets a null optimizer, loss, metric list or callback set.
        loss = loss == null ? "categorical_crossentropy" : loss;
        optimizer = optimizer == null ? OptimizerSettings.defaults("rmsprop") : optimizer;
        metrics = metrics == null ? List.of() : List.copyOf(metrics.stream().filter(java.util.Objects::nonNull).toList());
        callbacks = callbacks == null ? CallbackSettings.none() : callbacks;
        validation = validation == null ? ValidationPlan.split() : validation;
    }

    /** Settings that validate on the split (a project file written before the other plans reads so). */
    public TrainingSettings(String loss, OptimizerSettings optimizer, List<String> metrics, int epochs, int batchSize,
                            double validationSplit, boolean shuffle, long seed, CallbackSettings callbacks) {
        this(loss, optimizer, metrics, epochs, batchSize, validationSplit, shuffle, seed, callbacks, null);
    }

    /** Keras-like defaults for a classifier: rmsprop, categorical cross-entropy, accuracy, 5 epochs of 32. */
    public static TrainingSettings defaults() {
        return new TrainingSettings("categorical_crossentropy", OptimizerSettings.defaults("rmsprop"),
                List.of("accuracy"), 5, 32, 0.0, true, 42L, CallbackSettings.none());
    }

    public TrainingSettings withEpochs(int n) {
        return new TrainingSettings(loss, optimizer, metrics, n, batchSize, validationSplit, shuffle, seed, callbacks, validation);
    }

    public TrainingSettings withBatchSize(int n) {
        return new TrainingSettings(loss, optimizer, metrics, epochs, n, validationSplit, shuffle, seed, callbacks, validation);
    }

    public TrainingSettings withLoss(String l) {
        return new TrainingSettings(l, optimizer, metrics, epochs, batchSize, validationSplit, shuffle, seed, callbacks, validation);
    }

    public TrainingSettings withOptimizer(OptimizerSettings o) {
        return new TrainingSettings(loss, o, metrics, epochs, batchSize, validationSplit, shuffle, seed, callbacks, validation);
    }

    public TrainingSettings withMetrics(List<String> m) {
        return new TrainingSettings(loss, optimizer, m, epochs, batchSize, validationSplit, shuffle, seed, callbacks, validation);
    }

    public TrainingSettings withValidationSplit(double v) {
        return new TrainingSettings(loss, optimizer, metrics, epochs, batchSize, v, shuffle, seed, callbacks, validation);
    }

    public TrainingSettings withShuffle(boolean on) {
        return new TrainingSettings(loss, optimizer, metrics, epochs, batchSize, validationSplit, on, seed, callbacks,
                validation);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(loss, optimizer, metrics, epochs, batchSize, validationSplit, shuffle, s, callbacks, validation);
    }

    public TrainingSettings withCallbacks(CallbackSettings c) {
        return new TrainingSettings(loss, optimizer, metrics, epochs, batchSize, validationSplit, shuffle, seed, c, validation);
    }

    public TrainingSettings withValidation(ValidationPlan v) {
        return new TrainingSettings(loss, optimizer, metrics, epochs, batchSize, validationSplit, shuffle, seed, callbacks,
                v);
    }
}
