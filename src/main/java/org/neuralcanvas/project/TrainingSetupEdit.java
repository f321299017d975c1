package org.neuralcanvas.project;

import org.neuralcanvas.domain.edit.Edit;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.text.Sentences;

/**
 * A change to the Train panel (the compile/fit settings or the dataset) as one step on the same undo
 * history as the graph's edits: Ctrl+Z after changing the epochs undoes that, not the last graph edit
 * before it. It changes the project it was made for; the graph it is given is left alone.
 */
public final class TrainingSetupEdit implements Edit {

    private static final Sentences SAY = Sentences.DOMAIN;

    private final Project project;
    private final TrainingSettings settingsBefore;
    private final TrainingSettings settingsAfter;
    private final DatasetChoice datasetBefore;
    private final DatasetChoice datasetAfter;

    private TrainingSetupEdit(Project project, TrainingSettings settingsAfter, DatasetChoice datasetAfter) {
        this.project = project;
        this.settingsBefore = project.settings();
        this.settingsAfter = settingsAfter;
        this.datasetBefore = project.dataset();
        this.datasetAfter = datasetAfter;
    }

    public static TrainingSetupEdit settings(Project project, TrainingSettings after) {
        return new TrainingSetupEdit(project, after, project.dataset());
    }

    public static TrainingSetupEdit dataset(Project project, DatasetChoice after) {
        return new TrainingSetupEdit(project, project.settings(), after);
    }

    @Override
    public void apply(ModelGraph graph) {
        project.setSettings(settingsAfter);
        project.setDataset(datasetAfter);
    }

    @Override
    public void revert(ModelGraph graph) {
        project.setSettings(settingsBefore);
        project.setDataset(datasetBefore);
    }

    @Override
    public String description() {
        return SAY.say(datasetBefore.equals(datasetAfter) ? "edit.trainingSettings" : "edit.dataset");
    }
}
