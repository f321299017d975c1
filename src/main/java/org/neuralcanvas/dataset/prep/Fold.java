package org.neuralcanvas.dataset.prep;

/**
 * One K-fold round: train on {@code training}, validate on {@code validation}.
 *
 * @param index      0-based fold number
 * @param training   the other k-1 parts
 * @param validation this fold's part
 */
public record Fold(int index, ExampleSet training, ExampleSet validation) {
}
