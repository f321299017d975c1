package org.neuralcanvas.export;

import java.util.List;
import org.neuralcanvas.project.AppVersions;

/**
 * What a report says that neither the project nor the run record holds, gathered by the caller (the File menu or
 * the {@code report} command) because export may not reach into the engine: the versions, the backend and the
 * training advisor's notes on the run.
 *
 * @param versions NeuralCanvas, Deeplearning4j, Java and the operating system
 * @param backend  the backend ND4J runs on, in one line (the status bar's); empty when it is not known
 * @param advice   the advisor's notes on the run, in the user's language
 */
public record ReportFacts(AppVersions versions, String backend, List<String> advice) {

    public ReportFacts {
        backend = backend == null ? "" : backend;
        advice = advice == null ? List.of() : List.copyOf(advice);
    }
}
