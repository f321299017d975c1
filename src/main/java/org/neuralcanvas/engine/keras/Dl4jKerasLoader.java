package org.neuralcanvas.engine.keras;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelUtils;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.nn.weights.WeightInitXavier;

/**
 * Builds the trainable DL4J network of a Keras file with its stored weights, through DL4J's
 * Keras import (read-only HDF5). Always returns a {@link ComputationGraph} (a Sequential model
 * too, with its Keras layer names) so the engine has one kind of network to predict with or fine-tune.
 *
 * <p>Before initialising, every distribution-based and recurrent weight initializer is swapped
 * for Xavier: DL4J's Orthogonal initializer can run for minutes on LSTM weights, and the stored
 * weights overwrite whatever initialisation made anyway.
 */
final class Dl4jKerasLoader {

    private Dl4jKerasLoader() {
    }

    static ComputationGraph load(Path file, boolean sequential) throws Exception {
        try (KerasModelBuilder builder = new KerasModel().modelBuilder().modelHdf5Filename(file.toString())
                .enforceTrainingConfig(false)) {
            KerasModel model = sequential ? builder.buildSequential() : builder.buildModel();
            // A graph even for a Sequential model, so that its layers keep their Keras names.
            ComputationGraphConfiguration conf = model.getComputationGraphConfiguration();
            for (GraphVertex vertex : conf.getVertices().values()) {
                if (vertex instanceof LayerVertex layerVertex && layerVertex.getLayerConf() != null) {
                    quickInit(layerVertex.getLayerConf().getLayer());
                }
            }
            ComputationGraph network = new ComputationGraph(conf);
            network.init();
            KerasModelUtils.copyWeightsToModel(network, model.getLayers());
            return network;
        }
    }

    private static void quickInit(Layer layer) {
        if (layer instanceof BaseWrapperLayer wrapper) {
            quickInit(wrapper.getUnderlying());
        } else if (layer instanceof Bidirectional bidirectional) {
            quickInit(bidirectional.getFwd());
            quickInit(bidirectional.getBwd());
        }
        if (layer instanceof BaseRecurrentLayer recurrent) {
            recurrent.setWeightInitFnRecurrent(new WeightInitXavier());
        }
        if (layer instanceof BaseLayer base && base.getWeightInitFn() instanceof WeightInitDistribution) {
            base.setWeightInitFn(new WeightInitXavier());
        }
    }
}
