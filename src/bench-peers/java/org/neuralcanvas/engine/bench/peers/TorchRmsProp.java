package org.neuralcanvas.engine.bench.peers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RMSprop for DJL's PyTorch engine, which has none: DJL 0.36's {@code Optimizer.rmsprop()} calls
 * {@code rmspropUpdate}, and the PyTorch engine's answer is "Not implemented". This is Keras's
 * update (v = rho v + (1 - rho) g^2; w -= lr g / (sqrt(v) + eps)), which is also
 * torch.optim.RMSprop's without momentum or centring, in the same per-tensor steps as its
 * non-fused loop: square, scale-add, sqrt, add, divide, subtract.
 */
final class TorchRmsProp extends Optimizer {

    private final float learningRate;
    private final float rho;
    private final float epsilon;
    private final Map<String, Map<Device, NDArray>> meanSquares = new ConcurrentHashMap<>();

    TorchRmsProp(float learningRate, float rho, float epsilon) {
        super(new Builder());
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray v = withDefaultState(meanSquares, parameterId, weight.getDevice(), k -> weight.zerosLike());
        // Temporaries closed at once: left to their manager they would live as long as the model.
        try (NDArray g2 = grad.square()) {
            v.muli(rho).addi(g2.muli(1 - rho));
        }
        try (NDArray denominator = v.sqrt(); NDArray step = grad.div(denominator.addi(epsilon))) {
            weight.subi(step.muli(learningRate));
        }
        // DJL's own PyTorch updates (sgd, adam) clear the gradient here; nothing else does.
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
