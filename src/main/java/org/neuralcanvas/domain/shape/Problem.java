package org.neuralcanvas.domain.shape;

/**
 * Something wrong with the model, as one sentence that says what is wrong and what to do,
 * tied to the node or edge that causes it (either may be null for whole-model problems).
 */
public record Problem(String message, String nodeId, String edgeId) {

    public static Problem ofNode(String nodeId, String message) {
        return new Problem(message, nodeId, null);
    }

    public static Problem ofEdge(String edgeId, String message) {
        return new Problem(message, null, edgeId);
    }

    public static Problem ofModel(String message) {
        return new Problem(message, null, null);
    }
}
