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
        INDArray y = Parity.oneHot(6, 10, 7);
        Parity.assertClose(dl4j.outputSingle(false, x), fused.outputSingle(false, x), "output");

        Map<String, INDArray> dl4jGradients = Parity.gradients(dl4j, x, y);
        Map<String, INDArray> fusedGradients = Parity.gradients(fused, x, y);
        assertEquals(dl4j.score(), fused.score(), Parity.TOLERANCE, "loss");
        // Gradients keep the layout of their weights: DL4J's gate order on one side, Keras's on the other.
        Map<String, INDArray> expected = new TreeMap<>();
        dl4jGradients.forEach((name, g) -> expected.put(name, (name.startsWith("lstm")
                ? FusedLstm.fromDl4jGateOrder(g, 32) : g).reshape(fusedGradients.get(name).shape())));
        Parity.assertSameGradients(expected, fusedGradients, "stacked LSTM");
    }

    private static ComputationGraph network(boolean fusedLstm) {
        Template t = new Templates().find("lstm_sequences").orElseThrow();
        return Parity.withProperty(FusedLstm.PROPERTY, Boolean.toString(fusedLstm), () -> {
            Compilation c = Dl4jCompiler.compile(t.graph().get(), t.settings());
            assertTrue(c.problems().isEmpty(), c.problems().toString());
            ComputationGraph net = new ComputationGraph(c.model().configuration());
            net.init();
            return net;
        });
    }
}
