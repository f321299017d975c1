package org.neuralcanvas.engine.keras;

import java.util.List;
import java.util.Optional;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.Project;

/**
 * What importing a Keras file gave: the editable project (built from the file's model
 * description), the trained model where the file's weights could be carried into our network,
 * and what the user should know (layers left out or changed, which layers were checked, why
 * weights were not kept).
 *
 * @param project      the graph, and training settings from the file's training or compile config where it has one
 * @param modelName    the Keras model's name
 * @param kerasVersion e.g. {@code 2.2.4}; empty where the file does not say
 * @param model        our network with the file's weights, or null where they were not kept
 * @param issues       per-layer issues
 * @param messages     whole-model sentences (how many weights, which layers were checked, or why none)
 * @param weightCount  how many weights came from the file; 0 without a model
 */
public record KerasImportResult(Project project, String modelName, String kerasVersion, TrainedModel model,
                                List<ImportIssue> issues, List<String> messages, long weightCount) {

    public KerasImportResult {
        issues = List.copyOf(issues);
        messages = List.copyOf(messages);
    }

    public Optional<TrainedModel> trainedModel() {
        return Optional.ofNullable(model);
    }

    public boolean weightsLoaded() {
        return model != null;
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
