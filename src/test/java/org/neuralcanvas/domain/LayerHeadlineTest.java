package org.neuralcanvas.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.LayerHeadline;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.SampleModels;
import org.neuralcanvas.project.templates.Templates;

/** What the canvas prints under a layer's name, so that Dense relu and Dense softmax no longer look alike. */
class LayerHeadlineTest {

    private static String headline(ModelGraph g, String name) {
        return LayerHeadline.of(g.findByName(name).orElseThrow());
    }

    @Test
    void layersShowTheSettingsThatTellThemApart() {
        ModelGraph cnn = new Templates().find("mnist_cnn").orElseThrow().newProject().graph();
        assertEquals("Conv2D 32 3×3 · relu", headline(cnn, "conv2d"));
        assertEquals("MaxPooling2D 2×2", headline(cnn, "max_pooling2d"));
        assertEquals("Dropout 0.25", headline(cnn, "dropout"));
        assertEquals("Flatten", headline(cnn, "flatten"));
        assertEquals("Dense 128 · relu", headline(cnn, "dense"));
        assertEquals("Dense 10 · softmax", headline(cnn, "dense_1"));
        assertEquals("Input", headline(cnn, "input_1"));

        assertEquals("TimeDistributed(Conv2D) 3 3×3 · tanh", headline(SampleModels.frames(), "conv2d"));
        assertEquals("Bidirectional(GRU) 4 · tanh", headline(SampleModels.bidirectionalGru(), "bidirectional"));
        assertEquals("MultiHeadAttention 2×3", headline(SampleModels.attention(), "multi_head_attention"));
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        b.then("Activation", Map.of("activation", "tanh"));
        assertEquals("Activation tanh", headline(b.graph(), "activation"));
    }
}
