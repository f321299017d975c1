package org.neuralcanvas.ui.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.domain.graph.GraphDiff;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.document.MainViewModel;

/**
 * Two runs side by side, as the Runs tab compares them: their curves laid over each other on the dashboard, the
 * difference of the models they trained in words, and the layers the newer one added or changed marked on the
 * canvas (by name, on the model as it is now). FX thread.
 */
final class RunComparison {

    private final TrainingViewModel vm;
    private final MainViewModel main;

    RunComparison(TrainingViewModel vm) {
        this.vm = vm;
        this.main = vm.main();
    }

    /**
     * Compares the selected runs when there are exactly two (the older first); otherwise clears the marks.
     *
     * @return the sentence of what differs, or empty when two runs are not selected
     */
    Optional<String> compare(List<RunRecord> selected, I18n i18n) {
        if (selected.size() != 2) {
            main.layerMarks().clear();
            return Optional.empty();
        }
        List<RunRecord> two = new ArrayList<>(selected);
        List<RunRecord> order = vm.runs();
        two.sort(Comparator.comparingInt(order::indexOf));
        RunRecord older = two.get(0);
        RunRecord newer = two.get(1);
        vm.overlaid().setAll(two);
        Project project = main.document().project();
        Optional<ModelGraph> before = project.runGraph(older.id());
        Optional<ModelGraph> after = project.runGraph(newer.id());
        if (before.isEmpty() || after.isEmpty()) {
            main.layerMarks().clear();
            return Optional.of(i18n.format("runs.diff.noModel", (before.isEmpty() ? older : newer).id()));
        }
        GraphDiff diff = GraphDiff.between(before.get(), after.get());
        main.layerMarks().clear();
        diff.added().forEach(name -> main.layerMarks().put(name, "added"));
        diff.changed().keySet().forEach(name -> main.layerMarks().put(name, "changed"));
        return Optional.of(describe(diff, older, newer, i18n));
    }

    /** The difference in words: one line per added, removed and changed layer. */
    static String describe(GraphDiff diff, RunRecord older, RunRecord newer, I18n i18n) {
        StringBuilder sb = new StringBuilder(i18n.format("runs.diff.header", older.id(), newer.id()));
        if (diff.isEmpty()) {
            return sb.append(' ').append(i18n.get("runs.diff.same")).toString();
        }
        for (String name : diff.added()) {
            sb.append('\n').append("+ ").append(i18n.format("runs.diff.added", name));
        }
        for (String name : diff.removed()) {
            sb.append('\n').append("− ").append(i18n.format("runs.diff.removed", name));
        }
        for (Map.Entry<String, List<String>> c : diff.changed().entrySet()) {
            sb.append('\n').append("~ ").append(i18n.format("runs.diff.changed", c.getKey(), String.join("; ", c.getValue())));
        }
        return sb.toString();
    }
}
