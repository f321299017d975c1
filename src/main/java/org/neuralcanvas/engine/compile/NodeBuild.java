package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKey;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * What a {@link Dl4jMapping} needs to add one node: the builder, the node with its inferred shapes, the
 * vertices that feed it.
 *
 * @param inputGradientNeeded false when the node's only input is a network input that feeds nothing else: no
 *                            gradient needs to flow further back than this node
 * @param outputLoss          the training loss when the node is a network output, else null
 */
record NodeBuild(GraphBuilder graph, NodeResult result, String[] inputs, boolean inputGradientNeeded,
                 LossFunction outputLoss) {

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

    /** Adds a layer named after the node on the node's inputs. */
    Dl4jVertex addLayer(Layer layer) {
        graph.addLayer(name(), layer, inputs);
        return Dl4jVertex.of(name());
    }
}
