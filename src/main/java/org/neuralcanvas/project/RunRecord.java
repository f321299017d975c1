package org.neuralcanvas.project;

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
 */
public record RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                        List<Map<String, Double>> history, RunResults results, String checkpoint) {

    public RunRecord {
        history = history.stream().map(Map::copyOf).toList();
    }

    /** A run not evaluated (yet). */
    public RunRecord(String id, String startedAt, TrainingSettings settings, String datasetId, String outcome,
                     List<Map<String, Double>> history) {
        this(id, startedAt, settings, datasetId, outcome, history, null, null);
    }

    public RunRecord withResults(RunResults r) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, r, checkpoint);
    }

    public RunRecord withCheckpoint(String file) {
        return new RunRecord(id, startedAt, settings, datasetId, outcome, history, results, file);
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
