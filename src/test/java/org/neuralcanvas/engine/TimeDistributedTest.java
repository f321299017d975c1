package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.export.KerasCodeExporter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's TimeDistributed as a layer's {@code time_distributed} switch: a Conv2D, pooling and Flatten applied to
 * each frame of a clip with one set of weights, then an LSTM over the frames (the CNN-LSTM of video examples).
 */
class TimeDistributedTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withLoss("mse")
            .withOptimizer(OptimizerSettings.defaults("adam").withLearningRate(0.01));

    static ModelGraph clipModel() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(5, 8, 8, 1)));
        b.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 3), "activation", "relu",
                "time_distributed", true));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2), "time_distributed", true));
        b.then("Flatten", Map.of("time_distributed", true));
        b.then("LSTM", Map.of("units", 6));
        b.then("Dense", Map.of("units", 1));
        return b.graph();
    }

    @Test
    void eachFrameGetsTheLayerAndTheWeightsAreOneFramesWorth() {
        ModelGraph g = clipModel();
        InferenceResult r = ShapeInference.infer(g);
        assertTrue(r.isValid(), r.problems()::toString);
        assertEquals(TensorShape.of(5, 6, 6, 4), r.node(g.findByName("conv2d").orElseThrow().id()).orElseThrow().outputShape());
        assertEquals(TensorShape.of(5, 36), r.node(g.findByName("flatten").orElseThrow().id()).orElseThrow().outputShape());
        // Conv2D 3·3·1·4 + 4 = 40 (once, not per frame); LSTM 4·(6·(36 + 6) + 6) = 1,032; Dense 7.
        assertEquals(1_079, ModelSummary.of(g, r).totalParams());
    }

    @Test
    void theConvolutionOfEachFrameIsTheSameConvolutionOnThatFrameAlone() {
        Compilation c = Dl4jCompiler.compile(clipModel(), SETTINGS);
        assertTrue(c.ok(), c.problems()::toString);
        ComputationGraph net = new ComputationGraph(c.model().configuration());
        net.init();
        assertEquals(1_079, net.params().length());

        ModelBuilder one = new ModelBuilder();
        one.then("Input", Map.of("shape", List.of(8, 8, 1)));
        one.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 3), "activation", "relu"));
        Compilation single = Dl4jCompiler.compile(one.graph(), SETTINGS);
        assertTrue(single.ok(), single.problems()::toString);
        ComputationGraph frameNet = new ComputationGraph(single.model().configuration());
        frameNet.init();
        frameNet.getLayer("conv2d").setParams(net.getLayer("conv2d").params().dup());

        INDArray clips = Nd4j.rand(DataType.FLOAT, 2, 5, 8, 8, 1);
        Map<String, INDArray> acts = net.feedForward(clips, false);
        INDArray perFrame = acts.get(c.model().vertexOfNode().get(clipModel().findByName("conv2d").orElseThrow().id()));
        assertArrayEquals(new long[] {2, 5, 6, 6, 4}, perFrame.shape());
        for (int clip = 0; clip < 2; clip++) {
            for (int t = 0; t < 5; t++) {
                INDArray frame = clips.get(NDArrayIndex.point(clip), NDArrayIndex.point(t)).reshape(1, 8, 8, 1);
                INDArray alone = frameNet.outputSingle(false, frame);
                INDArray distributed = perFrame.get(NDArrayIndex.point(clip), NDArrayIndex.point(t)).reshape(1, 6, 6, 4);
                assertTrue(alone.equalsWithEps(distributed, 1e-5), "clip " + clip + ", frame " + t);
            }
        }
    }

    @Test
    void theClipModelLearnsAndItsScriptWrapsTheLayers() {
        Compilation c = Dl4jCompiler.compile(clipModel(), SETTINGS);
        ComputationGraph net = new ComputationGraph(c.model().configuration());
        net.init();
        // Target: how bright the clip's last frame is.
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 5, 8, 8, 1);
        INDArray y = x.get(NDArrayIndex.all(), NDArrayIndex.point(4)).reshape(32, 64).mean(true, 1).subi(0.5).muli(4);
        var data = new org.nd4j.linalg.dataset.DataSet(x, y);
        double before = net.score(data);
        for (int i = 0; i < 120; i++) {
            net.fit(data);
        }
        double after = net.score(data);
        assertTrue(after < 0.3 * before, () -> "loss should fall: " + before + " → " + after);

        String script = new KerasCodeExporter().export(new Project(clipModel(), SETTINGS, DatasetChoice.none(), List.of()), "clips");
        assertTrue(script.contains("layers.TimeDistributed(layers.Conv2D(filters=4, kernel_size=(3, 3), "
                + "activation='relu'), name='conv2d')"), script);
        assertTrue(script.contains("layers.TimeDistributed(layers.Flatten(), name='flatten')"), script);
        assertTrue(!script.contains("time_distributed="), script);
    }
}
