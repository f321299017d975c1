package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;

/** A drawn model compiled and built in double precision, for comparisons to 1e-10 and numerical gradients. */
final class DoublePrecisionNets {

    private DoublePrecisionNets() {
    }

    /** Workspaces stay as when training in the window: arrays a layer keeps between its passes must outlive them. */
    static ComputationGraph of(ModelGraph g, TrainingSettings settings) {
        Compilation c = Dl4jCompiler.compile(g, settings);
        assertTrue(c.ok(), c.problems()::toString);
        var conf = c.model().configuration();
        conf.setDataType(DataType.DOUBLE);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
