package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.compile.KerasGru;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The layers and vertices we wrote on DL4J's extension points pass the gradient a numerical one gives (DL4J's
 * gradient check, in double precision): LayerNormalization between two GRUs, and Permute. Our GRU's hand-written backpropagation through time equals a numerical gradient (DL4J's gradient check, in double
 * precision), for its weights and for the gradient it passes to the layer below: two stacked GRUs, the first
 * returning sequences. (That it computes Keras's GRU is KerasFormulasTest's part.)
 */
class OwnLayerGradientsTest {

    @Test
    void gradientsMatchANumericalGradient() {
        DataType before = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            check();
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    @Test
    void permuteSendsTheGradientBackInTheInputsOrder() {
        DataType before = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            var conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(5).updater(new NoOp())
                    .graphBuilder()
                    .addInputs("in")
                    .addLayer("first", new KerasGru(4, true, "tanh", "sigmoid"), "in")
                    .addVertex("permute", new org.deeplearning4j.nn.conf.graph.PreprocessorVertex(
                            new org.neuralcanvas.engine.compile.ChannelsLastPermute(new int[] {2, 1}, new long[] {4, 3})),
                            "first")
                    .addLayer("gru", new KerasGru(2, false, "tanh", "sigmoid"), "permute")
                    .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1)
                            .activation(Activation.IDENTITY).build(), "gru")
                    .setOutputs("out")
                    .setInputTypes(InputType.recurrent(4, 3, RNNFormat.NWC))
                    .build();
            ComputationGraph net = new ComputationGraph(conf);
            net.init();
            INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 4).subi(0.5);
            // The first GRU's weights get their gradient through Permute: a wrong inverse order would show there.
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                    .inputs(new INDArray[] {x}).labels(new INDArray[] {Nd4j.rand(DataType.DOUBLE, 2, 1)})
                    .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
            assertTrue(ok, "gradients through Permute differ from the numerical ones");
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    private static void check() {
        Nd4j.getRandom().setSeed(3);
        var conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).seed(3).updater(new NoOp())
                .graphBuilder()
                .addInputs("in")
                .addLayer("gru1", new KerasGru(4, true, "tanh", "sigmoid"), "in")
                .addLayer("norm", new org.neuralcanvas.engine.compile.KerasLayerNormalization(1e-3, true, true), "gru1")
                .addLayer("gru2", new KerasGru(3, true, "tanh", "hard_sigmoid"), "norm")
                // Keras 2.2's GRU, the reset gate before the recurrent product, one bias.
                .addLayer("gru3", new KerasGru(3, false, "tanh", "sigmoid", false), "gru2")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2)
                        .activation(Activation.IDENTITY).build(), "gru3")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(5, 6, RNNFormat.NWC))
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        // Biases away from zero, so that their gradients are checked where they matter.
        net.getLayer("gru1").getParam(KerasGru.BIAS).assign(Nd4j.rand(DataType.DOUBLE, 2, 12).subi(0.5));
        net.getLayer("gru3").getParam(KerasGru.BIAS).assign(Nd4j.rand(DataType.DOUBLE, 1, 9).subi(0.5));
        // And gamma and beta away from 1 and 0.
        net.getLayer("norm").getParam("gamma").assign(Nd4j.rand(DataType.DOUBLE, 1, 4).addi(0.5));
        net.getLayer("norm").getParam("beta").assign(Nd4j.rand(DataType.DOUBLE, 1, 4).subi(0.5));
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 6, 5).subi(0.5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
                .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
                .minAbsoluteError(1e-9));
        assertTrue(ok, "the GRU's gradients differ from the numerical ones (see the log for which)");
    }
}
