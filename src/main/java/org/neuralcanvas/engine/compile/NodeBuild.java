package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKey;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * What a {@link Dl4jMapping} needs to add one node: the builder, the node with its inferred shapes, the
 * vertices that feed it.
 *
 * @param inputGradientNeeded false when the node's only input is a network input that feeds nothing else: no
 *                            gradient needs to flow further back than this node
 * @param outputLoss          the training loss when the node is a network output, else null
 * @param mask                where Keras's step mask comes from when the node reads one ({@code MaskFlow}), else null
 */
record NodeBuild(GraphBuilder graph, NodeResult result, String[] inputs, boolean inputGradientNeeded,
                 ILossFunction outputLoss, StepMaskSource mask) {

    /**
     * The vertex whose data Keras's step mask is made from, the value that marks padding in it, and whether that
     * data takes a gradient (a sequence before Masking does; word indices do not).
     */
    record StepMaskSource(String vertex, double maskValue, boolean differentiable) {

        StepMask as(StepMask.Use use) {
            return new StepMask(use, maskValue, differentiable);
        }
    }

    /** Whether the node skips padded steps (its kind reads masks, and one reaches it). */
    boolean masked() {
        return mask != null;
    }

    /**
     * The same node reading its input with the mask appended as the last feature ({@link StepMask.Use#APPEND}), as
     * our masked recurrent layers take it; the vertex is added once, for the halves of a Bidirectional alike.
     */
    NodeBuild withMaskAppended() {
        String appended = name() + "__mask";
        if (!graph.getVertices().containsKey(appended)) {
            graph.addVertex(appended, mask.as(StepMask.Use.APPEND), inputs[0], mask.vertex());
        }
        return new NodeBuild(graph, result, new String[] {appended}, true, outputLoss, mask);
    }

    LayerNode node() {
        return result.node();
    }

    String name() {
        return result.node().name();
    }

    LayerParams params() {
        return result.node().params();
    }

    <T> T param(ParamKey<T> key) {
        return result.node().params().get(key);
    }

    /** The (first) input's shape. */
    TensorShape inShape() {
        return result.inputShapes().get(0);
    }

    TensorShape outShape() {
        return result.outputShape();
    }

    boolean isOutput() {
        return outputLoss != null;
    }

    /** Adds a layer named after the node on the node's inputs (with the node's weight settings). */
    Dl4jVertex addLayer(Layer layer) {
        graph.addLayer(name(), withWeightSettings(layer), inputs);
        return Dl4jVertex.of(name());
    }

    /**
     * DL4J's penalties for a Keras regularizer: the same L1, and an L2 of twice Keras's factor, because DL4J's L2
     * adds ½ · c · Σw² where Keras adds l2 · Σw² (LayerValuesTest compares the scores).
     */
    private static java.util.Optional<java.util.List<org.nd4j.linalg.learning.regularization.Regularization>> regularizer(
            LayerParams p, org.neuralcanvas.domain.layer.ParamKey<String> key) {
        if (!p.has(key.name()) || p.get(key) == null) {
            return java.util.Optional.empty();
        }
        var r = org.neuralcanvas.domain.layer.Regularizer.parse(p.get(key)).orElseThrow();
        java.util.List<org.nd4j.linalg.learning.regularization.Regularization> list = new java.util.ArrayList<>();
        if (r.l1() > 0) {
            list.add(new org.nd4j.linalg.learning.regularization.L1Regularization(r.l1()));
        }
        if (r.l2() > 0) {
            list.add(new org.nd4j.linalg.learning.regularization.L2Regularization(2 * r.l2()));
        }
        return java.util.Optional.of(list);
    }

    /**
     * The node's layer with its Keras weight settings applied: its initializers (where not Keras's default, which is
     * the network's) and, for {@code trainable=False}, frozen, still passing gradients to the layers before it.
     */
    Layer withWeightSettings(Layer layer) {
        LayerParams p = params();
        if (layer instanceof BaseLayer base) {
            if (p.has(ParamKeys.KERNEL_INITIALIZER.name())
                    && !"glorot_uniform".equals(p.get(ParamKeys.KERNEL_INITIALIZER))) {
                base.setWeightInitFn(Dl4jInitializers.of(p.get(ParamKeys.KERNEL_INITIALIZER)).getWeightInitFunction());
            }
            regularizer(p, ParamKeys.KERNEL_REGULARIZER).ifPresent(base::setRegularization);
            regularizer(p, ParamKeys.BIAS_REGULARIZER).ifPresent(base::setRegularizationBias);
            if (p.has(ParamKeys.BIAS_INITIALIZER.name())) {
                base.setBiasInit("ones".equals(p.get(ParamKeys.BIAS_INITIALIZER)) ? 1.0 : 0.0);
            }
        }
        if (p.has(ParamKeys.TRAINABLE.name()) && !p.get(ParamKeys.TRAINABLE)) {
            return new FrozenLayerWithBackprop(layer);
        }
        return layer;
    }
}
