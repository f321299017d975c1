package org.neuralcanvas.project;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * An open document: the graph (with node positions), the training settings, the dataset choice
 * and the history of runs. The graph is edited through its {@code EditHistory}; the rest is
 * replaced as a whole.
 */
public final class Project {

    private final ModelGraph graph;
    private TrainingSettings settings;
    private DatasetChoice dataset;
    private final List<RunRecord> runs;

    public Project(ModelGraph graph, TrainingSettings settings, DatasetChoice dataset, List<RunRecord> runs) {
        this.graph = graph;
        this.settings = settings;
        this.dataset = dataset;
        this.runs = new ArrayList<>(runs);
    }

    public static Project empty() {
        return new Project(new ModelGraph(), TrainingSettings.defaults(), DatasetChoice.none(), List.of());
    }

    public ModelGraph graph() {
        return graph;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public void setSettings(TrainingSettings settings) {
        this.settings = settings;
    }

    public DatasetChoice dataset() {
        return dataset;
    }

    public void setDataset(DatasetChoice dataset) {
        this.dataset = dataset;
    }

    public List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    public void addRun(RunRecord run) {
        runs.add(run);
    }

    /** Puts a run's updated record (its test results, once evaluated) where the run was; false if it is not here. */
    public boolean replaceRun(RunRecord old, RunRecord updated) {
        int i = runs.indexOf(old);
        if (i < 0) {
            return false;
        }
        runs.set(i, updated);
        return true;
    }
}
