package org.neuralcanvas.engine.keras;

/**
 * Something about one layer of an imported file that the user should know.
 *
 * @param layerName the Keras layer name, e.g. {@code gru}
 * @param layerType the Keras class, e.g. {@code GRU}
 * @param severity  how much of the layer is lost
 * @param message   the sentence the user reads
 */
public record ImportIssue(String layerName, String layerType, Severity severity, String message) {

    public enum Severity {
        /** The layer could not be represented and was left out of the graph. */
        LEFT_OUT,
        /** The layer is in the graph, but a setting of it was not kept or was changed. */
        CHANGED
    }
}
