package org.neuralcanvas.engine.train;

/** What a training session reports: small immutable values, made on the training thread. */
public sealed interface TrainingEvent {

    /**
     * A batch was trained.
     *
     * @param epoch   1-based epoch
     * @param batch   1-based batch within the epoch
     * @param batches batches per epoch
     * @param loss    the batch's loss
     */
    record BatchEnded(int epoch, int batch, int batches, double loss) implements TrainingEvent {
    }

    /** An epoch ended, with its metrics. */
    record EpochEnded(EpochResult result) implements TrainingEvent {
    }

    /**
     * A callback acted after an epoch (ReduceLROnPlateau lowered the rate, ModelCheckpoint saved the model).
     *
     * @param line the line Keras prints for it ({@link KerasLine})
     * @param file the model file ModelCheckpoint wrote; null for any other callback
     */
    record CallbackActed(int epoch, String line, java.nio.file.Path file) implements TrainingEvent {

        public CallbackActed(int epoch, String line) {
            this(epoch, line, null);
        }
    }

    /**
     * A paused run resumed with changed settings, taken over before batch {@code batch} of epoch {@code epoch}.
     *
     * @param line the log's line for it, e.g. {@code Epoch 3, batch 5: resumed with learning_rate=0.001}
     */
    record SettingsChanged(int epoch, int batch, org.neuralcanvas.project.TrainingSettings settings, String line)
            implements TrainingEvent {
    }

    /**
     * What a run does outside its epochs ({@code engine.run.TrainingRun}): readying it before the first batch, and
     * evaluating it after the last.
     *
     * @param step  the step now
     * @param notes what the user should know about it (the optimizer's state started afresh), often none
     */
    record RunStep(Step step, java.util.List<String> notes) implements TrainingEvent {

        public RunStep {
            notes = java.util.List.copyOf(notes);
        }

        /** The preparation's steps, in order ({@link #ordinal()} + 1 of {@link #PREPARATION} ), then evaluation. */
        public enum Step {
            COMPILING, READING_DATA, READYING_MODEL, EVALUATING;

            /** How many steps prepare a run. */
            public static final int PREPARATION = 3;
        }
    }

    /**
     * K-fold: fold {@code fold} of {@code folds} (1-based) begins with fresh weights; its epochs count from 1 again.
     */
    /**
     * Every layer's distributions after an epoch (only while the window asks for them, see
     * {@link TrainingSession#collectLayerStats}).
     */
    record LayerStatsReady(int epoch, java.util.List<org.neuralcanvas.engine.stats.LayerStats> layers) implements TrainingEvent {
        public LayerStatsReady {
            layers = java.util.List.copyOf(layers);
        }
    }

    record FoldStarted(int fold, int folds) implements TrainingEvent {
    }

    /**
     * K-fold: a fold ended.
     *
     * @param history its epochs' metrics, as a run record keeps them
     */
    record FoldEnded(int fold, int folds, java.util.List<java.util.Map<String, Double>> history) implements TrainingEvent {

        public FoldEnded {
            history = history.stream().map(java.util.Map::copyOf).toList();
        }
    }

    /** How a session's state changed. */
    enum Transition {
        STARTED(SessionState.RUNNING), PAUSED(SessionState.PAUSED), RESUMED(SessionState.RUNNING),
        STOPPED(SessionState.STOPPED), FINISHED(SessionState.FINISHED), FAILED(SessionState.FAILED);

        private final SessionState state;

        Transition(SessionState state) {
            this.state = state;
        }

        public SessionState state() {
            return state;
        }
    }

    /**
     * The session changed state.
     *
     * @param transition started, paused, resumed, stopped, finished or failed
     * @param message    for the user: why it stopped (early stopping, the user) or failed, or empty
     */
    record StateChanged(Transition transition, String message) implements TrainingEvent {

        public SessionState state() {
            return transition.state();
        }
    }
}
