package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.backend.OneDnnLayers;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.ContiguousRelu;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fast path computes what the plain path computes: a CNN with every layer that has a oneDNN helper
 * (convolution with same and valid padding and strides, batch normalisation, max and average pooling) gives the
 * same outputs, loss and gradients on libnd4j's oneDNN kernels as on DL4J's own code, to 1e-4.
 */
class OneDnnParityTest {


    @Test
    void theShippedBuildRunsLayersOnOneDnn() {
        assertTrue(OneDnnLayers.active(), "the build the app ships and selects has oneDNN, and layers use it");
        ComputationGraph net = network(true);
        for (Layer l : net.getLayers()) {
            if (l instanceof ConvolutionLayer) {
                assertInstanceOf(MKLDNNConvHelper.class, l.getHelper(), l.conf().getLayer().getLayerName());
            } else if (l instanceof SubsamplingLayer) {
                assertInstanceOf(MKLDNNSubsamplingHelper.class, l.getHelper(), l.conf().getLayer().getLayerName());
            } else if (l instanceof BatchNormalization) {
                assertInstanceOf(MKLDNNBatchNormHelper.class, l.getHelper(), l.conf().getLayer().getLayerName());
            }
        }
        for (Layer l : network(false).getLayers()) {
            assertNull(l.getHelper(), "with " + OneDnnLayers.PROPERTY + "=false a layer runs DL4J's own code");
        }
    }

    @Test
    void oneDnnAndPlainLayersGiveTheSameOutputsAndGradients() {
        ComputationGraph fast = network(true);
        ComputationGraph plain = network(false);
        plain.setParams(fast.params().dup());
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 12, 10, 2).subi(0.5).muli(4);
        INDArray y = Parity.oneHot(8, 3, 1);

        Parity.assertClose(plain.outputSingle(false, x), fast.outputSingle(false, x), "inference output");
        Parity.assertClose(plain.outputSingle(true, x), fast.outputSingle(true, x), "training-mode output");

        Map<String, INDArray> plainGradients = Parity.gradients(plain, x, y);
        Map<String, INDArray> fastGradients = Parity.gradients(fast, x, y);
        assertEquals(plain.score(), fast.score(), Parity.TOLERANCE, "loss");
        Parity.assertSameGradients(plainGradients, fastGradients, "CNN");
    }

    @Test
    void contiguousReluMatchesDl4jsReluOnPermutedViews() {
        Nd4j.getRandom().setSeed(3);
        // What a channels-last convolution hands its activation: an NCHW array seen as NHWC.
        INDArray z = Nd4j.rand(DataType.FLOAT, 4, 5, 6, 7).subi(0.5).permute(0, 2, 3, 1);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 4, 5, 6, 7).permute(0, 2, 3, 1);
        INDArray expected = new ActivationReLU().backprop(z.dup(), eps.dup()).getFirst();
        INDArray actual = new ContiguousRelu().backprop(z.dup(), eps).getFirst();
        Parity.assertClose(expected, actual, "ReLU gradient");
        Parity.assertClose(Transforms.relu(z, true), new ContiguousRelu().getActivation(z.dup(), true), "ReLU");
    }

    private static ComputationGraph network(boolean oneDnn) {
        Compilation c = Dl4jCompiler.compile(SampleModels.cnn(),
                TrainingSettings.defaults().withLoss("categorical_crossentropy"));
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        CompiledModel model = c.model();
        // Helpers are chosen when the layers are created, in init().
        return Parity.withProperty(OneDnnLayers.PROPERTY, Boolean.toString(oneDnn), () -> {
            ComputationGraph net = new ComputationGraph(model.configuration());
            net.init();
            return net;
        });
    }
}
