package org.neuralcanvas.domain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two models compared layer by layer, matched by name, as the Runs tab compares two runs. */
class GraphDiffTest {

    private static ModelGraph mlp(int units, boolean dropout, boolean extra) {
        ModelBuilder b = new ModelBuilder();
        String in = b.addNamed("input", "Input", Map.of("shape", List.of(784)));
        String last = b.addNamed("dense", "Dense", Map.of("units", units, "activation", "relu"), in);
        if (dropout) {
            last = b.addNamed("dropout", "Dropout", Map.of("rate", 0.5), last);
        }
        if (extra) {
            last = b.addNamed("dense_extra", "Dense", Map.of("units", 64, "activation", "relu"), last);
        }
        b.addNamed("output", "Dense", Map.of("units", 10, "activation", "softmax"), last);
        return b.graph();
    }

    @Test
    void aModelAgainstItselfHasNoDifference() {
        assertTrue(GraphDiff.between(mlp(512, true, false), mlp(512, true, false)).isEmpty());
    }

    @Test
    void addedRemovedAndChangedLayersAreNamedWithWhatChanged() {
        GraphDiff d = GraphDiff.between(mlp(512, true, false), mlp(256, false, true));
        assertEquals(List.of("dense_extra"), d.added());
        assertEquals(List.of("dropout"), d.removed());
        assertEquals(List.of("units: 512 → 256"), d.changed().get("dense"));
        assertEquals(List.of("inputs: dropout → dense_extra"), d.changed().get("output"));
        assertEquals(2, d.changed().size(), "input and the other layers are the same");
    }

    @Test
    void aLayerOfAnotherKindUnderTheSameNameSaysSo() {
        ModelBuilder a = new ModelBuilder();
        String in = a.addNamed("input", "Input", Map.of("shape", List.of(8)));
        a.addNamed("hidden", "Dense", Map.of("units", 4), in);
        ModelBuilder b = new ModelBuilder();
        String in2 = b.addNamed("input", "Input", Map.of("shape", List.of(8)));
        b.addNamed("hidden", "Dropout", Map.of("rate", 0.2), in2);
        assertEquals(List.of("kind: Dense → Dropout"), GraphDiff.between(a.graph(), b.graph()).changed().get("hidden"));
    }
}
