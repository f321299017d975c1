package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.engine.SampleModels;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.TrainingSettings;

/**
 * For every sample model: each layer with weights, given its weights in Keras's layout, computes in our DL4J network
 * what Keras's formula computes (KerasLayerCheck, written from Keras's definitions), so a transposed convolution's
 * cropping, a depthwise convolution's channel order or PReLU's shared axes cannot differ from Keras unseen.
 */
class KerasFormulasTest {

    @Test
    void everyWeightedLayerComputesWhatKerasComputes() {
        List<String> checkedKinds = new ArrayList<>();
        for (SampleModels.SampleModel sample : SampleModels.all()) {
            Compilation c = Dl4jCompiler.compile(sample.graph(), TrainingSettings.defaults().withLoss(sample.loss()));
            assertTrue(c.ok(), () -> sample.title() + ": " + c.problems());
            ComputationGraph net = new ComputationGraph(c.model().configuration());
            net.init();
            Map<String, List<KerasArray>> stored = new HashMap<>();
            Map<String, String> kindOf = new HashMap<>();
            for (NodeResult r : c.model().inference().order()) {
                LayerNode node = r.node();
                if (r.params().total() > 0) {
                    var vertex = net.getVertex(node.name());
                    stored.put(node.id(), KerasWeightLayouts.toKeras(node, org.neuralcanvas.engine.compile.NodeParams.of(net, node.name()),
                            vertex.hasLayer() ? vertex.getLayer().conf().getLayer() : null));
                    kindOf.put(node.name(), node.kind().kerasName());
                }
            }
            KerasLayerCheck.Outcome outcome = KerasLayerCheck.run(net, c.model(), c.model().graph(), stored);
            assertTrue(outcome.passed(), () -> sample.title() + ": " + outcome.failedLayer() + " ("
                    + kindOf.get(outcome.failedLayer()) + ") differs from Keras's formula by " + outcome.difference());
            outcome.checked().forEach(name -> checkedKinds.add(kindOf.get(name)));
        }
        for (String kind : List.of("Conv2DTranspose", "SeparableConv2D", "DepthwiseConv2D", "PReLU", "GRU",
                "LayerNormalization", "Dense", "Conv2D",
                "Conv1D", "LSTM", "SimpleRNN", "Bidirectional", "Embedding", "BatchNormalization")) {
            assertTrue(checkedKinds.contains(kind), kind + " was not checked against Keras's formula: " + checkedKinds);
        }
    }
}
