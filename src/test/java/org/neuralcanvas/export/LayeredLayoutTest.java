package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.export.layout.LayeredLayout;

class LayeredLayoutTest {

    @Test
    void chainFlowsTopToBottomAndBranchesSitSideBySide() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String left = b.add("Dense", Map.of(), in);
        String right = b.add("Dense", Map.of(), in);
        String add = b.add("Add", Map.of(), left, right);
        LayeredLayout.Result r = new LayeredLayout().layout(b.graph(), n -> new double[] {160, 60});
        var boxes = r.nodes();
        assertTrue(boxes.get(in).y() + 60 <= boxes.get(left).y(), "input above its layers");
        assertEquals(boxes.get(left).y(), boxes.get(right).y(), 0.01, "branches on one row");
        assertTrue(Math.abs(boxes.get(left).x() - boxes.get(right).x()) >= 160, "branches do not overlap");
        assertTrue(boxes.get(left).y() + 60 <= boxes.get(add).y(), "merge below its branches");
        List<LayeredLayout.Point> route = r.edges().get(in + "->" + left);
        assertTrue(route.size() >= 2);
        assertTrue(r.width() > 320 && r.height() > 180);
    }

    @Test
    void keepingModelOrderLaysBranchesOutInTheOrderTheyWereAdded() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        List<String> branches = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            branches.add(b.add("Dense", Map.of(), b.add("Dense", Map.of(), in)));
        }
        b.add("Concatenate", Map.of(), branches.toArray(String[]::new));
        var boxes = new LayeredLayout().keepingModelOrder().layout(b.graph(), n -> new double[] {120, 50}).nodes();
        for (int i = 1; i < branches.size(); i++) {
            assertTrue(boxes.get(branches.get(i - 1)).x() < boxes.get(branches.get(i)).x(), "branch " + i);
        }
    }
}
