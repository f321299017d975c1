package org.neuralcanvas.engine.compile;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import java.util.Map;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What DL4J's layer configurations do in {@code instantiate} once they have made their running layer, for ours
 * ({@link FastDense}, {@link FusedLstm}), which make a running layer of their own; and what our running layers on
 * the SameDiff-layer extension point share when they compute their own gradient.
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

    /**
     * A SameDiff-based layer's gradient once its backward pass has filled its gradient views: every parameter's,
     * in the order the layer defines them, over the flattened gradient DL4J's updater reads.
     */
    static Gradient gradientOf(INDArray flattened, Map<String, INDArray> gradTable) {
        Gradient g = new DefaultGradient(flattened);
        gradTable.forEach((key, view) -> g.gradientForVariable().put(key, view));
        return g;
    }

    /** Columns [from, to) of a [batch, n] array: one gate's block. */
    static INDArrayIndex[] columns(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(from, to)};
    }
}
