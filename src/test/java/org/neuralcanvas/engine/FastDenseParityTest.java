package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.compile.FastDense;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FastDense}'s backward pass computes what DL4J's Dense computes: the same loss and gradients for a ReLU MLP
 * whose first layer reads the input (no input gradient), for two branches reading one input (both need theirs)
 * and for the CNN's Dense after Flatten, to 1e-4.
 */
class FastDenseParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"mnist_mlp", "functional_branches", "mnist_cnn", "boston_housing"})
    void fastDenseGivesDl4jsGradients(String templateId) {
        Template t = new Templates().find(templateId).orElseThrow();
        Compilation c = Dl4jCompiler.compile(t.graph().get(), t.settings());
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        ComputationGraphConfiguration conf = c.model().configuration();
        assertTrue(conf.getVertices().values().stream().anyMatch(v -> v instanceof org.deeplearning4j.nn.conf.graph.LayerVertex lv
                && lv.getLayerConf().getLayer() instanceof FastDense), "the template has a FastDense");
        // The same network with DL4J's own Dense: the saved form differs only in the class name and our flag.
        String json = conf.toJson().replace("\"" + FastDense.class.getName() + "\"", "\"" + DenseLayer.class.getName() + "\"")
                .replaceAll(",\\s*\"inputGradientNeeded\"\\s*:\\s*(true|false)", "");
        ComputationGraphConfiguration plainConf = ComputationGraphConfiguration.fromJson(json);
        ComputationGraph fast = new ComputationGraph(conf);
        fast.init();
        ComputationGraph plain = new ComputationGraph(plainConf);
        plain.init();
        plainConf.getVertices().values().stream().filter(v -> v instanceof org.deeplearning4j.nn.conf.graph.LayerVertex)
                .map(v -> ((org.deeplearning4j.nn.conf.graph.LayerVertex) v).getLayerConf().getLayer())
                .forEach(l -> assertTrue(!(l instanceof FastDense), "the plain network has no FastDense"));
        plain.setParams(fast.params().dup());

        long[] shape = new long[c.model().inputShapes().get(0).rank() + 1];
        shape[0] = 16;
        for (int i = 1; i < shape.length; i++) {
            shape[i] = c.model().inputShapes().get(0).dim(i - 1);
        }
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, shape);
        long width = c.model().outputShapes().get(0).dim(c.model().outputShapes().get(0).rank() - 1);
        INDArray y = Parity.oneHot(16, width, 1);
        Map<String, INDArray> expected = Parity.gradients(plain, x, y);
        Map<String, INDArray> actual = Parity.gradients(fast, x, y);
        assertEquals(plain.score(), fast.score(), Parity.TOLERANCE, "loss");
        Parity.assertSameGradients(expected, actual, templateId);
    }
}
