package org.neuralcanvas.engine.keras;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.project.Project;

/**
 * What importing a Keras file gave: the editable project (built from the file's
 * {@code model_config}), the trained DL4J network where DL4J could build it, and what the user
 * should know (layers left out or changed, why weights were not loaded).
 *
 * @param project        the graph, and training settings from the file's training_config where it has one
 * @param modelName      the Keras model's name
 * @param kerasVersion   e.g. {@code 2.2.4}; empty where the file does not say
 * @param network        the DL4J network with the file's weights, or null where it could not be built
 * @param issues         per-layer issues
 * @param messages       whole-model sentences (e.g. why the weights were not loaded)
 * @param dl4jParamCount DL4J's weight count, a cross-check of our summary; -1 without a network
 */
public record KerasImportResult(Project project, String modelName, String kerasVersion, ComputationGraph network,
                                List<ImportIssue> issues, List<String> messages, long dl4jParamCount) {

    public KerasImportResult {
        issues = List.copyOf(issues);
        messages = List.copyOf(messages);
    }

    public Optional<ComputationGraph> trainedNetwork() {
        return Optional.ofNullable(network);
    }

    public boolean weightsLoaded() {
        return network != null;
    }

    /** Whether every layer of the file is in the graph as it was. */
    public boolean complete() {
        return issues.stream().noneMatch(i -> i.severity() == ImportIssue.Severity.LEFT_OUT);
    }

    /** Keras's model.summary() of the imported graph, from our shape inference. */
    public ModelSummary summary() {
        return ModelSummary.of(project.graph(), ShapeInference.infer(project.graph()));
    }
}
