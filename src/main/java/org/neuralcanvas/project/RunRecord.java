package org.neuralcanvas.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * One finished or stopped training run, kept in the project so runs can be compared.
 *
 * @param id        unique within the project, e.g. {@code run-3}
 * @param startedAt ISO-8601 instant
 * @param settings  the settings it ran with
 * @param datasetId the dataset it trained on
 * @param outcome   finished, stopped, early_stopped or failed (with reason)
 * @param history   one map per epoch: {@code loss}, {@code accuracy}, {@code val_loss}, ...
 * @param results    its test-set results, or null where it was not evaluated (or was saved before they were kept)
 * @param checkpoint the model file ModelCheckpoint wrote (absolute path), or null where it wrote none
 * @param segments   the settings of each stretch of the run, the first being {@code settings} (a file written before
 *                   segments were kept reads as one segment from epoch 1)
 * @param parent     the id of the run this one continued from (its weights, optimizer state and epoch numbering), or
 *                   null for a run from fresh weights
 * @param folds      a K-fold run's history per fold (its {@code history} is their mean, epoch by epoch); empty for
 *                   any other run
 * @param secondsPerEpoch the mean time one epoch took to train (the folds' epochs for K-fold; no evaluation, no
 *                   pause); 0 where it was not measured (runs recorded before it was kept)
 * @param notes      the advisor's notes that cannot be read again from the history (those from the layers'
 *                   statistics: dead units, updates far off), as the log said them; empty for none
 */
public record RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                        List<Map<String, Double>> history, RunResults results, String checkpoint,
                        List<RunSegment> segments, String parent, List<List<Map<String, Double>>> folds,
                        double secondsPerEpoch, List<String> notes) {

    public RunRecord {
        history = history.stream().map(Map::copyOf).toList();
        segments = segments == null || segments.isEmpty() ? List.of(new RunSegment(1, 1, settings)) : List.copyOf(segments);
        folds = folds == null ? List.of() : folds.stream().map(f -> f.stream().map(Map::copyOf).toList()).toList();
        secondsPerEpoch = Double.isFinite(secondsPerEpoch) && secondsPerEpoch > 0 ? secondsPerEpoch : 0;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A run without stored notes. */
    public RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                     List<Map<String, Double>> history, RunResults results, String checkpoint,
                     List<RunSegment> segments, String parent, List<List<Map<String, Double>>> folds,
                     double secondsPerEpoch) {
        this(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, segments, parent, folds,
                secondsPerEpoch, List.of());
    }

    /** A run whose epoch time was not measured. */
    public RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                     List<Map<String, Double>> history, RunResults results, String checkpoint,
                     List<RunSegment> segments, String parent, List<List<Map<String, Double>>> folds) {
        this(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, segments, parent, folds, 0);
    }

    /** A run that is not K-fold. */
    public RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                     List<Map<String, Double>> history, RunResults results, String checkpoint,
                     List<RunSegment> segments, String parent) {
        this(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, segments, parent, List.of(), 0);
    }

    /** A run not evaluated (yet), from fresh weights, with one segment. */
    public RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                     List<Map<String, Double>> history) {
        this(id, startedAt, settings, datasetId, outcome, history, null, null, null, null);
    }

    public RunRecord withResults(RunResults r) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, r, checkpoint, segments, parent, folds, secondsPerEpoch, notes);
    }

    public RunRecord withCheckpoint(String file) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, results, file, segments, parent, folds, secondsPerEpoch, notes);
    }

    public RunRecord withSegments(List<RunSegment> s) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, s, parent, folds, secondsPerEpoch, notes);
    }

    public RunRecord withParent(String runId) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, segments, runId, folds, secondsPerEpoch, notes);
    }

    public RunRecord withSecondsPerEpoch(double seconds) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, segments, parent,
                folds, seconds, notes);
    }

    public RunRecord withNotes(List<String> n) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, results, checkpoint, segments, parent,
                folds, secondsPerEpoch, n);
    }

    /** Whether this run cross-validated in folds ({@link #folds} holds each one's curves). */
    @JsonIgnore
    public boolean isKFold() {
        return !folds.isEmpty();
    }

    /** The number the log gave this run's first epoch: 1, or after its parent's last one for a continued run. */
    public int firstEpoch() {
        return segments.get(0).fromEpoch();
    }

    /** The id the next run of a project gets: {@code run-1}, {@code run-2}, ... after those it has. */
    public static String nextId(Project project) {
        return "run-" + (project.runs().size() + 1);
    }

    /**
     * The outcome word of a run that ended: one vocabulary for the window and the command line.
     *
     * @param state         FINISHED, STOPPED or FAILED (as {@code SessionState}'s name)
     * @param stoppedByUser whether a STOPPED run was stopped by the user (else early stopping ended it)
     */
    public static String outcome(String state, boolean stoppedByUser, String failure) {
        return switch (state) {
            case "FINISHED" -> "finished";
            case "STOPPED" -> stoppedByUser ? "stopped" : "early_stopped";
            default -> "failed: " + failure;
        };
    }
}
