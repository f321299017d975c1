package org.neuralcanvas.project.templates;

import java.util.List;
import java.util.function.Supplier;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.PublishedResult;
import org.neuralcanvas.project.TrainingSettings;

/**
 * A ready-made model from the Keras tutorials: its graph, the tutorial's training settings and the
 * dataset it trains on. The UI shows it by {@code id} (its title comes from the UI's bundle).
 *
 * @param id       stable key, e.g. {@code mnist_mlp}
 * @param graph    builds a fresh graph each time, so every new project owns its own
 * @param settings loss, optimizer, epochs and batch size as the tutorial uses them
 * @param dataset  which bundled dataset it trains on
 * @param published the result the tutorial publishes for it, or null where it publishes none (or the template is
 *                  not one tutorial's model)
 */
public record Template(String id, Supplier<ModelGraph> graph, TrainingSettings settings, DatasetChoice dataset,
                       PublishedResult published) {

    /** A template whose tutorial publishes no result. */
    public Template(String id, Supplier<ModelGraph> graph, TrainingSettings settings, DatasetChoice dataset) {
        this(id, graph, settings, dataset, null);
    }

    /** A new project made from this template: it remembers the published result, so every run is held against it. */
    public Project newProject() {
        return new Project(graph.get(), settings, dataset, List.of(), published);
    }
}
