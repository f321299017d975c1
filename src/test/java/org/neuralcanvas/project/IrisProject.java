package org.neuralcanvas.project;

import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.graph.ModelBuilder;

/** A small iris classifier as a learner draws it (Input 4 → Dense 8 relu → Dense 3 softmax), for the search tests. */
public final class IrisProject {

    private IrisProject() {
    }

    public static Project create() {
        ModelBuilder b = new ModelBuilder();
        String in = b.addNamed("input", "Input", Map.of("shape", List.of(4)));
        String d = b.addNamed("dense", "Dense", Map.of("units", 8, "activation", "relu"), in);
        b.addNamed("output", "Dense", Map.of("units", 3, "activation", "softmax"), d);
        TrainingSettings s = new TrainingSettings("categorical_crossentropy", OptimizerSettings.defaults("adam"),
                List.of("accuracy"), 3, 16, 0.2, true, 42L, CallbackSettings.none());
        return new Project(b.graph(), s, new DatasetChoice("iris", Map.of()), List.of());
    }
}
