package org.neuralcanvas.engine.data;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/**
 * Whether a dataset, as preprocessed, fits a graph's Input and output.
 *
 * @param datasetInput  one sample's feature shape, e.g. {@code (None, 28, 28, 1)}
 * @param datasetOutput the label width the loss will see (classes when one-hot, else 1)
 * @param problems      sentences saying what does not fit and how to fix it; empty when it fits
 * @param inputNodeId   the graph's Input node, when there is exactly one (else null)
 * @param suggestedInputShape the Input shape that would fit the dataset, or null when the Input already fits
 */
public record DatasetFit(TensorShape datasetInput, int datasetOutput, List<String> problems, String inputNodeId,
                         List<Integer> suggestedInputShape) {

    public DatasetFit {
        problems = List.copyOf(problems);
        suggestedInputShape = suggestedInputShape == null ? null : List.copyOf(suggestedInputShape);
    }

    public boolean fits() {
        return problems.isEmpty();
    }

    /** True when setting the Input's shape to {@link #suggestedInputShape} would fix the input side. */
    public boolean canFixInput() {
        return inputNodeId != null && suggestedInputShape != null;
    }
}
