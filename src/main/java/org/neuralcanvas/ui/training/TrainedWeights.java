package org.neuralcanvas.ui.training;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.train.TrainedModel;

/**
 * Keras's second {@code fit()}: the last trained or opened model, and whether the next Train goes
 * on from its weights, optimizer state and epoch count (the user's check box). That is possible only
 * while the graph on the canvas still has the model's layers and connections. FX thread only.
 */
public final class TrainedWeights {

    private final Supplier<ModelGraph> graph;
    private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>();
    private final BooleanProperty continueTraining = new SimpleBooleanProperty();
    private final BooleanProperty canContinue = new SimpleBooleanProperty();
    /** The id of the run that trained the model, in the open project; null for a model from a file. */
    private String runId;

    /** @param graph the graph on the canvas now */
    TrainedWeights(Supplier<ModelGraph> graph) {
        this.graph = graph;
    }

    /** Another project is open: nothing to continue from. */
    void forget() {
        runId = null;
        model.set(null);
        continueTraining.set(false);
        recheck();
    }

    /** A run trained {@code m}: the user may go on from it (the box is not ticked for them). */
    void trained(TrainedModel m, String run) {
        runId = run;
        model.set(m);
        recheck();
    }

    /** A model opened from a file: going on from it is what the user opened it for. */
    void opened(TrainedModel m) {
        opened(m, null);
    }

    /** A run's model (its checkpoint, or the model it left) to go on from as a new run: the box is ticked. */
    void opened(TrainedModel m, String run) {
        runId = run;
        model.set(m);
        continueTraining.set(true);
        recheck();
    }

    /** The graph may have changed: continuing stays possible only with the same layers. */
    void recheck() {
        TrainedModel m = model.get();
        canContinue.set(m != null && sameLayers(m.compiled().graph(), graph.get()));
        if (!canContinue.get()) {
            continueTraining.set(false);
        }
    }

    /** Where the next run starts: the trained model, or null for fresh weights. */
    TrainedModel startingPoint() {
        return continueTraining.get() && canContinue.get() ? model.get() : null;
    }

    /** The run the starting point came out of, for the next run's record; null for a model from a file. */
    String startingRunId() {
        return startingPoint() == null ? null : runId;
    }

    /** The run the last trained or opened model came out of, or null. */
    String runId() {
        return runId;
    }

    /** Same layers (kind, name, parameters) and connections; positions do not matter. */
    static boolean sameLayers(ModelGraph a, ModelGraph b) {
        Function<ModelGraph, List<Object>> layers = g -> g.nodes().stream()
                .map(n -> (Object) List.of(n.id(), n.kind().kerasName(), n.name(), n.params())).toList();
        return layers.apply(a).equals(layers.apply(b)) && a.edges().equals(b.edges());
    }

    /** The last trained or opened model, or null. */
    public ReadOnlyObjectProperty<TrainedModel> modelProperty() {
        return model;
    }

    /** Whether the next Train continues from {@link #modelProperty()} instead of fresh weights. */
    public BooleanProperty continueTrainingProperty() {
        return continueTraining;
    }

    public ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue;
    }
}
