package org.neuralcanvas.ui.training;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.engine.compile.LossOutputCheck;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.project.TrainingSettings;

/**
 * Why Train cannot start now, each a sentence with its fix: a Train-panel field that shows a refused value (the
 * settings keep their last allowed one meanwhile), a setting out of its range (a hand-edited file's), a loss that
 * does not fit the output layer. Train is disabled while there is one; the same sentences the compiler and the
 * command line give. FX thread only.
 */
final class TrainReadiness {

    private final Supplier<TrainingSettings> settings;
    private final Supplier<ModelGraph> graph;
    /** The refused fields' sentences, by field id. */
    private final Map<String, String> fieldProblems = new LinkedHashMap<>();
    private final ObjectProperty<List<String>> problems = new SimpleObjectProperty<>(List.of());

    TrainReadiness(Supplier<TrainingSettings> settings, Supplier<ModelGraph> graph) {
        this.settings = settings;
        this.graph = graph;
    }

    /** A field's problem, or null once it shows an allowed value again. */
    void fieldProblem(String field, String problem) {
        boolean changed = problem == null ? fieldProblems.remove(field) != null
                : !problem.equals(fieldProblems.put(field, problem));
        if (changed) {
            refresh();
        }
    }

    /** Checks again, after the settings or the graph changed. */
    void refresh() {
        Set<String> all = new LinkedHashSet<>(fieldProblems.values());
        all.addAll(SettingRanges.problems(settings.get()));
        // The loss against the output layer needs the shapes only. Inferred here, not taken from the window's: on a
        // project switch this runs before the window has inferred the new graph.
        ModelGraph g = graph.get();
        all.addAll(LossOutputCheck.problems(g, ShapeInference.infer(g), settings.get().loss()));
        List<String> now = List.copyOf(all);
        if (!now.equals(problems.get())) {
            problems.set(now);
        }
    }

    ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems;
    }
}
