package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link FastDense}. The forward pass is DL4J's; the backward pass, for ReLU and linear layers (the
 * Keras tutorials' hidden layers), takes ReLU's derivative from the layer's own output (relu(z) > 0 exactly where
 * z > 0) instead of recomputing z, and skips the input gradient where nothing needs it. Anything else (another
 * activation, masks, dropout on the input, weight noise, layer norm) takes DL4J's own backward pass.
 */
final class FastDenseLayer extends DenseLayer {

    /** This step's output, kept from the training forward pass until its backward pass. */
    private INDArray output;

    FastDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = super.activate(training, workspaceMgr);
        output = training ? out : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = output;
        output = null;
        IActivation afn = layerConf().getActivationFn();
        boolean relu = afn instanceof ContiguousRelu;
        if (out == null || !(relu || afn instanceof ActivationIdentity) || maskArray != null
                || layerConf().getIDropout() != null || layerConf().getWeightNoise() != null || hasLayerNorm()
                || out.rank() != 2 || input.rank() != 2) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray x = input.castTo(dataType);
        // ReLU's gradient from the output: relu(z) > 0 exactly where z > 0, so it stands in for z.
        INDArray delta = relu ? afn.backprop(out, epsilon).getFirst() : epsilon;
        Gradient ret = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGrad, 0);
            ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(x, delta, weightGrad, true, false, 1.0, 0.0);
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);

        INDArray epsilonNext = null;
        if (((FastDense) layerConf()).isInputGradientNeeded()) {
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY).castTo(dataType);
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                    new long[] {x.size(0), w.size(0)}, 'f');
            Nd4j.gemm(delta, w, epsilonNext, false, true, 1.0, 0.0);
        }
        weightNoiseParams.clear();
        return new Pair<>(ret, epsilonNext);
    }

    @Override
    public void clear() {
        super.clear();
        output = null;
    }
}
