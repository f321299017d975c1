package org.neuralcanvas.engine.stats;

/**
 * One layer after one epoch, as TensorBoard's histograms and the DL4J UI's update ratio show it: the distribution of
 * its weights, biases, the epoch's updates (weights now minus at the epoch's start) and its outputs on a fixed batch,
 * each from a sample of at most {@link LayerStatsCollector#SAMPLE} values.
 *
 * @param nodeId      the layer's node in the drawing
 * @param name        its name
 * @param weights     null for a layer without weights
 * @param biases      null for a layer without a bias
 * @param updates     null for a layer without weights
 * @param activations its output on the fixed batch
 * @param updateRatio ‖update‖ / ‖weights‖ over the epoch (NaN without weights); about 1e-3 per step is healthy
 * @param deadShare   the share of its output units that were not above zero for any sample of the fixed batch
 */
public record LayerStats(String nodeId, String name, Histogram weights, Histogram biases, Histogram updates,
                         Histogram activations, double updateRatio, double deadShare) {
}
