package org.neuralcanvas.engine.compile;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's ActivationLayer, but it never overwrites its input. In inference DL4J's applies its function in place on
 * the array it was given, the previous vertex's output: after Dense → Dropout → Activation (Dropout passes its input
 * on unchanged in inference) the Dense's activations, as the layer-output view and the Keras import check read
 * them, held the Activation's result. This one copies first, into the activations workspace, as DL4J's does in
 * training.
 */
public final class CopyingActivation extends ActivationLayer {

    /** For Jackson, which restores a saved model's configuration. */
    public CopyingActivation() {
    }

    public CopyingActivation(IActivation activation) {
        super(activation);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray view, boolean initialize, DataType dataType) {
        return LayerInstances.wire(new Running(conf, dataType), conf, listeners, index, view, initialize,
                EmptyParamInitializer.getInstance());
    }

    @Override
    public CopyingActivation clone() {
        return (CopyingActivation) super.clone();
    }

    /** The running layer: DL4J's, with its input copied in inference too. */
    static final class Running extends org.deeplearning4j.nn.layers.ActivationLayer {

        Running(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public INDArray activate(boolean training, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr mgr) {
            assertInputSet(false);
            INDArray in = mgr.dup(org.deeplearning4j.nn.workspace.ArrayType.ACTIVATIONS, input, input.ordering());
            return layerConf().getActivationFn().getActivation(in, training);
        }
    }
}
