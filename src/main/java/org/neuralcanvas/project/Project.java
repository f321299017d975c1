package org.neuralcanvas.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * An open document: the graph (with node positions), the training settings, the dataset choice
 * and the history of runs, and, for a project made from a tutorial template, the result the tutorial
 * publishes. The graph is edited through its {@code EditHistory}; the rest is replaced as a whole.
 */
public final class Project {

    private final ModelGraph graph;
    private TrainingSettings settings;
    private DatasetChoice dataset;
    private final List<RunRecord> runs;
    private final PublishedResult published;
    /** The model each run trained, by run id (a copy taken at Train): what the Runs tab compares two runs by. */
    private final java.util.Map<String, ModelGraph> runGraphs = new java.util.LinkedHashMap<>();

    public Project(ModelGraph graph, TrainingSettings settings, DatasetChoice dataset, List<RunRecord> runs) {
        this(graph, settings, dataset, runs, null);
    }

    /** @param published the tutorial's published result, or null where the project has none */
    public Project(ModelGraph graph, TrainingSettings settings, DatasetChoice dataset, List<RunRecord> runs,
                   PublishedResult published) {
        this.graph = graph;
        this.settings = settings;
        this.dataset = dataset;
        this.runs = new ArrayList<>(runs);
        this.published = published;
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

    /** The result the tutorial this project was made from publishes; empty for any other project. */
    public Optional<PublishedResult> published() {
        return Optional.ofNullable(published);
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

    /** The model a run trained, if the project keeps it (runs recorded before models were kept have none). */
    public Optional<ModelGraph> runGraph(String runId) {
        return Optional.ofNullable(runGraphs.get(runId));
    }

    /** Keeps the model a run trained (a copy: the project's own graph goes on being edited). */
    public void keepRunGraph(String runId, ModelGraph trained) {
        runGraphs.put(runId, trained.copy());
    }

    /** Every kept run model, by run id, for the project file. */
    public java.util.Map<String, ModelGraph> runGraphs() {
        return java.util.Collections.unmodifiableMap(runGraphs);
    }
}
