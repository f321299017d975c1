package org.neuralcanvas.domain.shape;

import java.util.List;

/**
 * One row of the Keras-style summary.
 *
 * @param nodeId      the layer's node id, so a view can select it
 * @param layer       {@code "dense_1 (Dense)"}
 * @param outputShape {@code "(None, 64)"}, or {@code "?"} where it cannot be inferred
 * @param params      total weights of the layer (0 where unknown)
 * @param connectedTo input layer names, Keras style ({@code dense[0][0]}); empty for Inputs
 */
public record SummaryRow(String nodeId, String layer, String outputShape, long params, List<String> connectedTo) {
}
