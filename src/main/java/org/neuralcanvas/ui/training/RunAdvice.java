package org.neuralcanvas.ui.training;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.engine.eval.Advice;
import org.neuralcanvas.engine.eval.TrainingAdvisor;
import org.neuralcanvas.project.RunResults;
import org.neuralcanvas.project.TrainingSettings;

/** The advisor's notes of the running run as they appear: each rule said once, in the log, when its curve shows it. */
final class RunAdvice {

    private final Set<String> said = new HashSet<>();

    /** A new run: nothing said yet. */
    void clear() {
        said.clear();
    }

    /** The log lines of the notes not yet said, for the run so far (results once it has been evaluated). */
    List<String> newLines(List<Map<String, Double>> history, TrainingSettings settings, RunResults results) {
        return TrainingAdvisor.notes(history, settings, results).stream().filter(a -> said.add(a.rule()))
                .map(Advice::line).toList();
    }

    /** The log lines of what an epoch's layer statistics show (dead units, updates far too large or small), once each. */
    List<String> newLines(int epoch, List<org.neuralcanvas.engine.stats.LayerStats> layers) {
        return org.neuralcanvas.engine.eval.LayerStatsAdvisor.notes(epoch, layers).stream()
                .filter(a -> said.add(a.rule())).map(Advice::line).toList();
    }
}
