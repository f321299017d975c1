package org.neuralcanvas.domain.shape;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shapes, parameter counts and problems of a whole graph. {@code order} is a topological order
 * (inputs first; ties in the order layers were added) and is empty when the graph has a cycle.
 */
public record InferenceResult(List<NodeResult> order, Map<String, NodeResult> byId, List<Problem> problems) {

    public boolean isValid() {
        return problems.isEmpty();
    }

    public Optional<NodeResult> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Problem> problemsOf(String nodeId) {
        return problems.stream().filter(p -> nodeId.equals(p.nodeId())).toList();
    }
}
