package org.neuralcanvas.engine.run;

import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.RunRecord;

/**
 * How a run ended.
 *
 * @param record  the run's record, with its segments and test results; null when it never started training
 * @param model   the model after the run (null when none was built)
 * @param report  the test split's evaluation, or null (no test split, nothing trained, the run failed)
 * @param end     the session's last state, or null when it never started
 * @param message for the user: why it stopped or failed, or why it could not start; empty when it just finished
 * @param stoppedBeforeStart Stop was pressed before the first batch: nothing trained, evaluated or recorded
 */
public record RunOutcome(RunRecord record, TrainedModel model, EvaluationReport report, SessionState end,
                         String message, boolean stoppedBeforeStart) {

    static RunOutcome notStarted(String why) {
        return new RunOutcome(null, null, null, null, why, false);
    }

    static RunOutcome stoppedWhilePreparing() {
        return new RunOutcome(null, null, null, null, "", true);
    }

    public boolean failed() {
        return end == null ? !stoppedBeforeStart : end == SessionState.FAILED;
    }

    /** Whether this run trained at least one epoch. */
    public boolean trainedAny() {
        return record != null && !record.history().isEmpty();
    }
}
