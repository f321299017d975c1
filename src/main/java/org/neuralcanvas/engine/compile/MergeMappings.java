package org.neuralcanvas.engine.compile;

import java.util.Map;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;

/** DL4J mappings of the layers that join branches: element-wise vertices and a merge along the last axis. */
final class MergeMappings {

    private MergeMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        m.put("Add", vertex(new ElementWiseVertex(ElementWiseVertex.Op.Add)));
        m.put("Subtract", vertex(new ElementWiseVertex(ElementWiseVertex.Op.Subtract)));
        m.put("Multiply", vertex(new ElementWiseVertex(ElementWiseVertex.Op.Product)));
        m.put("Average", vertex(new ElementWiseVertex(ElementWiseVertex.Op.Average)));
        m.put("Maximum", vertex(new ElementWiseVertex(ElementWiseVertex.Op.Max)));
        m.put("Concatenate", b -> {
            MergeVertex merge = new MergeVertex();
            // Channels-last: the last axis is 1 for vectors, 2 for [b, steps, f], 3 for [b, h, w, c].
            merge.setMergeAxis(b.inShape().rank());
            b.graph().addVertex(b.name(), merge, b.inputs());
            return Dl4jVertex.of(b.name());
        });
    }

    private static Dl4jMapping vertex(GraphVertex v) {
        return b -> {
            b.graph().addVertex(b.name(), v.clone(), b.inputs());
            return Dl4jVertex.of(b.name());
        };
    }
}
