package org.neuralcanvas.engine.compile;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.activations.IActivation;

/**
 * What the DL4J mappings ({@link Dl4jMappings}) share: activations by Keras name, a convolution's activation as
 * its own vertex, the sequence-as-image view, and the fixes after DL4J's configuration pass.
 */
final class Dl4jLayers {

    /** Suffix of the vertex that applies a convolution's activation (see {@link #activationAfter}). */
    static final String ACTIVATION_SUFFIX = "__activation";

    private Dl4jLayers() {
    }

    /**
     * A convolution's activation, as a vertex of its own after the convolution (which keeps the node's name and its
     * weights). DL4J 1.0.0-M2.1's convolution with a oneDNN helper and a ReLU inside computes wrong weight
     * gradients (the parity test showed differences as large as the gradients themselves; tanh inside was right,
     * ReLU in its own vertex is exact), so no activation runs inside a convolution. Linear needs no vertex.
     */
    static Dl4jVertex activationAfter(NodeBuild b) {
        String kerasName = b.param(ParamKeys.ACTIVATION);
        IActivation a = activation(b.node(), kerasName);
        if ("linear".equals(kerasName)) {
            return Dl4jVertex.of(b.name());
        }
        String vertex = b.name() + ACTIVATION_SUFFIX;
        b.graph().addLayer(vertex, CoreMappings.activationLayer(a), b.name());
        return Dl4jVertex.of(vertex);
    }

    /**
     * A 2-D layer applied to a (steps, features) sequence viewed as a (steps, 1, features) image, and viewed back:
     * DL4J's 1-D pooling, padding, cropping and up-sampling read channels-first sequences only.
     */
    static Dl4jVertex asImage(NodeBuild b, String suffix, Layer layer2d) {
        TensorShape x = b.inShape();
        TensorShape y = b.outShape();
        String image = b.name() + "__" + suffix;
        b.graph().addLayer(image, layer2d,
                new ChannelsLastReshape(new long[] {x.dim(0), x.dim(1)}, new long[] {x.dim(0), 1, x.dim(1)}), b.inputs());
        b.graph().addVertex(b.name(), new PreprocessorVertex(new ChannelsLastReshape(
                new long[] {y.dim(0), 1, y.dim(1)}, new long[] {y.dim(0), y.dim(1)})), image);
        return Dl4jVertex.of(b.name());
    }

    /**
     * Fixes what DL4J's configuration pass gets wrong: it sets an EmbeddingSequenceLayer's nIn (the
     * vocabulary size) to the sequence length of its input, and it gives the global settings (weight
     * initialisation, updater, gradient clipping) to a Bidirectional's halves but not to the recurrent
     * layer inside a half that is a LastTimeStep — {@code defaults} applies them to that layer.
     */
    static void afterBuild(ComputationGraphConfiguration conf, List<NodeResult> order,
                           org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder defaults) {
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex v && unwrapped(v) instanceof Bidirectional b) {
                for (Layer half : List.of(b.getFwd(), b.getBwd())) {
                    if (half instanceof LastTimeStep last) {
                        defaults.clone().layer(last.getUnderlying()).build();
                    }
                }
            }
        }
        for (NodeResult r : order) {
            if ("Embedding".equals(r.node().kind().kerasName())
                    && conf.getVertices().get(r.node().name()) instanceof LayerVertex v
                    && unwrapped(v) instanceof EmbeddingSequenceLayer e) {
                e.setNIn(r.node().params().get(ParamKeys.INPUT_DIM));
            }
        }
    }

    /** A vertex's layer, inside a frozen layer's wrapper (trainable=False) where it has one. */
    private static Layer unwrapped(LayerVertex v) {
        Layer layer = v.getLayerConf().getLayer();
        return layer instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop f ? f.getUnderlying() : layer;
    }

    static IActivation activation(LayerNode node, String kerasName) {
        IActivation a = Dl4jActivations.function(kerasName);
        if (a == null) {
            throw new UnsupportedOperationException(node.name() + " uses the activation '" + kerasName
                    + "', which DL4J does not offer. Choose another activation.");
        }
        return a;
    }










    static ConvolutionMode mode(LayerParams p) {
        return switch (p.get(ParamKeys.PADDING)) {
            case "same" -> ConvolutionMode.Same;
            case "causal" -> ConvolutionMode.Causal;
            default -> ConvolutionMode.Truncate;
        };
    }

    static long[] longs(TensorShape s) {
        return s.asList().stream().mapToLong(Integer::longValue).toArray();
    }

}
