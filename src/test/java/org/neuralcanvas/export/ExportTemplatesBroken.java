package org.neuralcanvas.export;

import java.util.List;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;

/** A project around any graph, for exporters' edge cases. */
final class ExportTemplatesBroken {

    private ExportTemplatesBroken() {
    }

    static Project of(ModelGraph graph) {
        return new Project(graph, TrainingSettings.defaults(), DatasetChoice.none(), List.of());
    }
}
