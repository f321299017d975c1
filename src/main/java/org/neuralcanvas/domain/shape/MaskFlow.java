package org.neuralcanvas.domain.shape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.MaskUse;
import org.neuralcanvas.domain.text.Sentences;

/**
 * Where Keras's step mask goes in a graph: from the layer that makes it (Masking, Embedding with mask_zero) along the
 * layers that pass it on (each kind declares its {@link MaskUse}) to those that read it. The compiler builds the
 * readers to skip the padded steps; what Keras would do and NeuralCanvas cannot is a {@link Problem} here, before
 * anything is compiled.
 */
public final class MaskFlow {

    private static final Sentences SAY = Sentences.DOMAIN;

    /** Node id → the node that made the mask its input carries. */
    private final Map<String, LayerNode> sourceOfInput = new HashMap<>();

    private MaskFlow() {
    }

    /** Follows the masks of the graph, its nodes taken in an order where each comes after its inputs. */
    public static MaskFlow of(ModelGraph graph, List<LayerNode> order) {
        MaskFlow flow = new MaskFlow();
        Map<String, LayerNode> sourceOfOutput = new HashMap<>();
        for (LayerNode node : order) {
            List<Edge> in = graph.incoming(node.id());
            LayerNode source = in.size() == 1 ? sourceOfOutput.get(in.get(0).from()) : null;
            if (source != null) {
                flow.sourceOfInput.put(node.id(), source);
            }
            MaskUse use = node.kind().maskUse(node.params());
            LayerNode out = switch (use) {
                case MAKES -> node;
                case PASSES, READS_AND_PASSES -> source;
                default -> null;
            };
            if (out != null) {
                sourceOfOutput.put(node.id(), out);
            }
        }
        return flow;
    }

    /** The Masking or Embedding layer whose mask reaches the node's input, if one does. */
    public Optional<LayerNode> sourceOf(LayerNode node) {
        return Optional.ofNullable(sourceOfInput.get(node.id()));
    }

    /** Whether the node skips padded steps: a mask reaches it and its kind reads masks. */
    public boolean reads(LayerNode node) {
        MaskUse use = node.kind().maskUse(node.params());
        return sourceOfInput.containsKey(node.id()) && (use == MaskUse.READS || use == MaskUse.READS_AND_PASSES);
    }

    /**
     * What Keras would do with a mask and NeuralCanvas cannot: a layer that would skip the padded steps but has no
     * masked form here, and a mask reaching an output, where Keras would leave the padded steps out of the loss.
     */
    public List<Problem> problems(ModelGraph graph) {
        List<Problem> problems = new java.util.ArrayList<>();
        sourceOfInput.forEach((id, source) -> {
            LayerNode node = graph.node(id);
            MaskUse use = node.kind().maskUse(node.params());
            if (use == MaskUse.CANNOT_READ) {
                problems.add(Problem.ofNode(id, SAY.say("mask.cannotRead", node.name(), node.kind().kerasName(),
                        source.name())));
            } else if ((use == MaskUse.PASSES || use == MaskUse.READS_AND_PASSES) && graph.outgoing(id).isEmpty()) {
                problems.add(Problem.ofNode(id, SAY.say("mask.reachesOutput", node.name(), source.name())));
            }
        });
        return problems;
    }
}
