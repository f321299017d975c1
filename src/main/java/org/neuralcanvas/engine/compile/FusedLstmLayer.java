package org.neuralcanvas.engine.compile;

import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link FusedLstm}: libnd4j's {@code lstmLayer} forward and {@code lstmLayer_bp} backward, called
 * directly on the layer's parameter and gradient views. DL4J's SameDiff layer keeps the parameters (their views,
 * initialisation, saving); its graph execution is not used, because in 1.0.0-M2.1 it doubled this layer's
 * gradients (its weights' and the one it passes back, so each layer down got twice more: the parity test showed
 * 2, 4 and 8 times DL4J's LSTM; the op alone matches a numerical gradient to 1e-9).
 *
 * <p>libnd4j's platform helpers are off, and its own loops on one thread, around the op: the oneDNN build's {@code lstmLayer} refuses the
 * full-sequence output ("object is not initialized") that return_sequences needs, and libnd4j's own
 * implementation handles every case. Both switches are global and back as they were before the next layer (a
 * convolution) runs: layers run one after another on the training thread.
 */
final class FusedLstmLayer extends SameDiffLayer {

    FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private FusedLstm lstm() {
        return (FusedLstm) layerConf();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr); // Keras's dropout: input with one mask for all steps
        INDArray x = input.castTo(dataType);
        long units = lstm().getUnits();
        long[] shape = lstm().isReturnSequences() ? new long[] {x.size(0), x.size(1), units} : new long[] {x.size(0), units};
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
        run(op("lstmLayer").addInputs(x, getParam(FusedLstm.WEIGHTS), getParam(FusedLstm.RECURRENT_WEIGHTS),
                getParam(FusedLstm.BIAS)).addOutputs(out));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = input.castTo(dataType);
        INDArray dLdx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        // With return_sequences the incoming gradient is dL/dh for every step, else dL/dh of the last step.
        run(op("lstmLayer_bp").addInputs(x, getParam(FusedLstm.WEIGHTS), getParam(FusedLstm.RECURRENT_WEIGHTS),
                        getParam(FusedLstm.BIAS), epsilon.castTo(dataType).dup('c'))
                .addOutputs(dLdx, gradTable.get(FusedLstm.WEIGHTS), gradTable.get(FusedLstm.RECURRENT_WEIGHTS),
                        gradTable.get(FusedLstm.BIAS)));
        Gradient g = LayerInstances.gradientOf(gradients, gradTable);
        return new Pair<>(g, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, backpropDropOutIfPresent(dLdx)));
    }

    /**
     * The op with this layer's arguments: channels-last [batch, steps, features] (NTS), forward only, the gate,
     * cell and output activations, no clipping; biases, no sequence lengths, no initial states, no peepholes;
     * the whole sequence or only the last step's output.
     */
    private DynamicCustomOp.DynamicCustomOpsBuilder op(String name) {
        FusedLstm c = lstm();
        boolean full = c.isReturnSequences();
        return DynamicCustomOp.builder(name)
                .addIntegerArguments(FusedLstm.NTS, FusedLstm.FORWARD, c.getGateActivation().ordinal(),
                        c.getActivation().ordinal(), c.getActivation().ordinal())
                .addFloatingPointArguments(0.0)
                .addBooleanArguments(true, false, false, false, false, full, !full, false);
    }

    private static void run(DynamicCustomOp.DynamicCustomOpsBuilder op) {
        withoutPlatformHelpers(() -> Nd4j.exec(op.build()));
    }

    static <T> T withoutPlatformHelpers(Supplier<T> work) {
        Environment env = Nd4j.getEnvironment();
        boolean allowed = env.helpersAllowed();
        int threads = env.maxThreads();
        int masterThreads = env.maxMasterThreads();
        env.allowHelpers(false);
        // One thread inside the op: libnd4j opens a parallel region for nearly every step of its loops, and with
        // OMP_WAIT_POLICY=PASSIVE (decision 0001) each region wakes a sleeping thread, which costs more than the
        // work on [batch, units] arrays: 60 ms per step of the stacked LSTM with 2 threads, 12 ms with 1. Not for
        // the whole network: the CNN's dropout and copies (millions of values) want every core.
        env.setMaxThreads(1);
        env.setMaxMasterThreads(1);
        try {
            return work.get();
        } finally {
            env.allowHelpers(allowed);
            env.setMaxThreads(threads);
            env.setMaxMasterThreads(masterThreads);
        }
    }
}
