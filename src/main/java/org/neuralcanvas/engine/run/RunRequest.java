package org.neuralcanvas.engine.run;

import java.nio.file.Path;
import java.util.Objects;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;

/**
 * What one run trains, as a snapshot taken when the user pressed Train (or the command line read the file): later
 * edits to the project do not reach it.
 *
 * @param runId         the id its record gets, e.g. {@code run-3}
 * @param startedAt     ISO-8601 instant
 * @param graph         a copy of the graph (unused when continuing: the trained model has its own)
 * @param settings      the run's settings
 * @param dataset       the dataset and its preprocessing
 * @param from          the trained model to go on from (weights, optimizer state, epoch numbering), or null
 * @param parentRunId   the id of the run {@code from} came out of, or null
 * @param checkpointDir where ModelCheckpoint writes, or null for nowhere
 */
public record RunRequest(String runId, String startedAt, ModelGraph graph, TrainingSettings settings,
                         DatasetChoice dataset, TrainedModel from, String parentRunId, Path checkpointDir) {

    public RunRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataset, "dataset");
        if (graph == null && from == null) {
            throw new IllegalArgumentException("A run needs a graph or a trained model.");
        }
    }

    /** The number the log gives this run's first epoch. */
    public int firstEpoch() {
        return from == null ? 1 : from.epochsTrained() + 1;
    }
}
