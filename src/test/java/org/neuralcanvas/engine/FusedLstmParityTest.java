package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.FusedLstm;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused LSTM computes what DL4J's own LSTM computes: the stacked-LSTM template (two layers returning sequences,
 * one returning its last step) with the same weights gives the same outputs, loss and gradients either way, to 1e-4.
 */
class FusedLstmParityTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void fusedAndDl4jLstmsGiveTheSameOutputsAndGradients() {
        ComputationGraph fused = network(true);
        ComputationGraph dl4j = network(false);
        for (String name : new String[] {"lstm", "lstm_1", "lstm_2"}) {
            Layer f = fused.getLayer(name);
            assertInstanceOf(FusedLstm.class, f.conf().getLayer(), name);
            long units = ((FusedLstm) f.conf().getLayer()).getUnits();
            dl4j.getLayer(name).paramTable().forEach((k, v) ->
                    f.getParam(k).assign(FusedLstm.fromDl4jGateOrder(v, units).reshape(f.getParam(k).shape())));
        }
        dl4j.getLayer("dense").paramTable().forEach((k, v) -> fused.getLayer("dense").getParam(k).assign(v));

        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 8, 16).subi(0.5).muli(2);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 10);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, (i * 7) % 10, 1f);
        }
        assertClose(dl4j.outputSingle(false, x), fused.outputSingle(false, x), "output");

        Map<String, INDArray> expected = gradients(dl4j, x, y);
        Map<String, INDArray> actual = gradients(fused, x, y);
        assertEquals(dl4j.score(), fused.score(), TOLERANCE, "loss");
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, g) -> {
            // Gradients keep the layout of their weights: DL4J's gate order on one side, Keras's on the other.
            INDArray want = name.startsWith("lstm") ? FusedLstm.fromDl4jGateOrder(g, 32) : g;
            assertClose(want.reshape(actual.get(name).shape()), actual.get(name), "gradient of " + name);
        });
    }

    private static ComputationGraph network(boolean fusedLstm) {
        Template t = new Templates().find("lstm_sequences").orElseThrow();
        String saved = System.getProperty(FusedLstm.PROPERTY);
        System.setProperty(FusedLstm.PROPERTY, Boolean.toString(fusedLstm));
        try {
            Compilation c = Dl4jCompiler.compile(t.graph().get(), t.settings());
            assertTrue(c.problems().isEmpty(), c.problems().toString());
            ComputationGraph net = new ComputationGraph(c.model().configuration());
            net.init();
            return net;
        } finally {
            if (saved == null) {
                System.clearProperty(FusedLstm.PROPERTY);
            } else {
                System.setProperty(FusedLstm.PROPERTY, saved);
            }
        }
    }

    private static Map<String, INDArray> gradients(ComputationGraph net, INDArray x, INDArray y) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Map<String, INDArray> out = new TreeMap<>();
        net.gradient().gradientForVariable().forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        double scale = Math.max(1.0, expected.amaxNumber().doubleValue());
        assertTrue(diff <= TOLERANCE * scale, what + ": largest difference " + diff + " (scale " + scale + ")");
        assertTrue(expected.amaxNumber().doubleValue() > 0, what + " is not all zero");
    }
}
