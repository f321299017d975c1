package org.neuralcanvas.engine.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights a node compiled to, by parameter name: views of the network's, so that writing them sets the
 * network's. A layer's own; a vertex of ours (MultiHeadAttention); or a Bidirectional GRU's two halves as DL4J's
 * Bidirectional names them ({@code fW}, …, {@code bW}, …). Empty for a node without weights.
 */
public final class NodeParams {

    private NodeParams() {
    }

    public static Map<String, INDArray> of(ComputationGraph net, String nodeName) {
        GraphVertex v = net.getVertex(nodeName);
        if (v == null) {
            return Map.of();
        }
        GraphVertex forward = net.getVertex(nodeName + RecurrentMappings.FORWARD);
        GraphVertex backward = net.getVertex(nodeName + RecurrentMappings.BACKWARD);
        if (forward != null && backward != null) {
            Map<String, INDArray> both = new LinkedHashMap<>();
            forward.getLayer().paramTable().forEach((k, a) -> both.put("f" + k, a));
            backward.getLayer().paramTable().forEach((k, a) -> both.put("b" + k, a));
            return both;
        }
        Map<String, INDArray> p = v.hasLayer() ? v.getLayer().paramTable() : v.paramTable(false);
        return p == null ? Map.of() : p;
    }

    /** How many numbers they hold. */
    public static long count(ComputationGraph net, String nodeName) {
        return of(net, nodeName).values().stream().mapToLong(INDArray::length).sum();
    }
}
