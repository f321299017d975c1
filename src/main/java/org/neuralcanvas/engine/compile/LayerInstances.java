package org.neuralcanvas.engine.compile;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What DL4J's layer configurations do in {@code instantiate} once they have made their running layer, for ours
 * ({@link FastDense}, {@link FusedLstm}), which make a running layer of their own.
 */
final class LayerInstances {

    private LayerInstances() {
    }

    static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                    int index, INDArray view, boolean initialize, ParamInitializer initializer) {
        if (listeners != null) {
            layer.setListeners(listeners);
        }
        layer.setIndex(index);
        layer.setParamsViewArray(view);
        layer.setParamTable(initializer.init(conf, view, initialize));
        layer.setConf(conf);
        return layer;
    }
}
