package org.neuralcanvas.ui.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.engine.baseline.BaselineReport;
import org.neuralcanvas.engine.data.PreparedRun;
import org.neuralcanvas.engine.data.TestPredictions;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.eval.StoredResults;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.keras.KerasModelWriter;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.PublishedComparison;
import org.neuralcanvas.project.PublishedResult;
import org.neuralcanvas.project.PublishedVerdict;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a run: the test-set evaluation, the predictions behind the confusion matrix and the
 * sample grid, a chosen layer's output, and saving the model. Work that touches ND4J or the disk
 * runs on {@code work} (one thread, so the model is never used by two jobs at once); results come
 * back through {@code fx}. Properties change on the FX thread only.
 */
public final class ResultsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsViewModel.class);
    /** The sample grid shows at most this many samples. */
    public static final int GRID_SAMPLES = 48;

    private final Executor work;
    private final Executor fx;
    private final Supplier<I18n> i18n;
    private final ObjectProperty<EvaluationReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<TestPredictions> predictions = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>();
    /** The simple models beside the run (least squares; majority class and logistic regression); none until evaluated. */
    private final ObjectProperty<BaselineReport> baselines = new SimpleObjectProperty<>(BaselineReport.none());
    /** The shown run against its tutorial's published result; null where there is none to compare with. */
    private final ObjectProperty<PublishedVerdict> published = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    /** Whether the message says something went wrong (drawn red), not that something worked or what is shown. */
    private final BooleanProperty messageIsProblem = new SimpleBooleanProperty();
    private final ObservableList<Integer> shownSamples = FXCollections.observableArrayList();
    private final StringProperty shownTitle = new SimpleStringProperty("");
    private DatasetChoice dataset;

    public ResultsViewModel(Executor work, Executor fx, Supplier<I18n> i18n) {
        this.i18n = i18n;
        this.work = work;
        this.fx = fx;
    }

    /** Evaluates a trained (or stopped) model on the test split, in the background. */
    public void evaluate(TrainedModel trained, PreparedRun run, DatasetChoice choice, Runnable done) {
        show(trained, null, () -> run, choice, done);
    }

    /** What prepares the test data again (a dataset already prepared is reused); may fail with the user's sentence. */
    @FunctionalInterface
    public interface TestData {
        PreparedRun get() throws org.neuralcanvas.dataset.DatasetException;
    }

    /**
     * Shows a run's model and its test scores ({@code scores}; evaluated here when null), with the test samples'
     * predictions computed in the background.
     */
    public void show(TrainedModel trained, EvaluationReport scores, TestData data, DatasetChoice choice, Runnable done) {
        busy.set(true);
        say("", false);
        work.execute(() -> {
            EvaluationReport r = scores;
            TestPredictions p = null;
            String failure = null;
            PreparedRun run = null;
            try {
                run = data.get();
                typedFor = run; // what a sentence typed in the playground is encoded with
                if (r == null) {
                    r = run.evaluate(trained);
                }
                p = run.predictions(trained);
            } catch (org.neuralcanvas.dataset.DatasetException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("Evaluation failed", e);
                failure = i18n.get().format("results.evaluate.failed", e.getMessage());
            }
            BaselineReport b = BaselineReport.none();
            if (failure == null) {
                try {
                    b = run.baselines();
                } catch (RuntimeException e) {
                    // The network's results stand on their own; a baseline that fails only leaves its line out.
                    LOG.warn("Baselines failed", e);
                }
            }
            EvaluationReport fr = r;
            TestPredictions fp = p;
            BaselineReport fb = b;
            String ff = failure;
            fx.execute(() -> {
                model.set(trained);
                dataset = choice;
                baselines.set(fb);
                predictions.set(fp); // first: the view draws the report, and a regressor's scatter, from both
                report.set(fr);
                say(ff == null ? "" : ff, ff != null);
                showAll();
                busy.set(false);
                done.run();
            });
        });
    }

    /**
     * Shows a run's results as its record keeps them (scores and confusion matrix); the sample grid stays empty,
     * since the predictions need the trained model and the data.
     */
    public void showStored(RunRecord run) {
        if (run.results() == null) {
            return;
        }
        predictions.set(null);
        shownSamples.clear();
        shownTitle.set("");
        baselines.set(new BaselineReport(run.results().baselines(), java.util.Optional.empty()));
        report.set(StoredResults.report(run.results()));
        say(i18n.get().format("results.stored", run.id()), false);
    }

    /**
     * Holds the shown run against the result its project's tutorial publishes: the verdict line says whether its test
     * score is within the band and, if not, what differs from the tutorial's settings. Nothing to compare: no line.
     */
    public void judge(RunRecord run, java.util.Optional<PublishedResult> result) {
        published.set(result.flatMap(p -> PublishedComparison.judge(p, run)).orElse(null));
    }

    /** Clears the results when a new run starts. */
    public void clear() {
        published.set(null);
        baselines.set(BaselineReport.none());
        report.set(null);
        predictions.set(null);
        shownSamples.clear();
        shownTitle.set("");
        say("", false);
    }

    /** Shows the first samples of the test set in the grid. */
    public void showAll() {
        TestPredictions p = predictions.get();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; p != null && i < Math.min(GRID_SAMPLES, p.size()); i++) {
            ids.add(i);
        }
        shownTitle.set("");
        shownSamples.setAll(ids);
    }

    /** Shows the test samples of one confusion-matrix cell: true class {@code actual}, predicted {@code predicted}. */
    public void showCell(int actual, int predicted) {
        TestPredictions p = predictions.get();
        if (p == null) {
            return;
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < p.size() && ids.size() < GRID_SAMPLES; i++) {
            if (p.trueClass(i) == actual && p.predictedClass(i) == predicted) {
                ids.add(i);
            }
        }
        shownTitle.set(p.className(actual) + " → " + p.className(predicted));
        shownSamples.setAll(ids);
    }

    /** The layers whose output can be shown, in the model's order. */
    public List<LayerNode> layers() {
        TrainedModel m = model.get();
        return m == null ? List.of() : m.compiled().graph().nodes();
    }

    /** Computes a layer's output for one test sample in the background. */
    public void layerOutput(String nodeId, int sample, Consumer<TrainedModel.LayerActivations> shown) {
        TrainedModel m = model.get();
        TestPredictions p = predictions.get();
        if (m == null || p == null || sample < 0 || sample >= p.size()) {
            return;
        }
        float[] values = p.features()[sample];
        work.execute(() -> {
            try {
                TrainedModel.LayerActivations a = m.activations(nodeId, values);
                fx.execute(() -> shown.accept(a));
            } catch (RuntimeException e) {
                LOG.warn("Layer output failed", e);
                fx.execute(() -> say(i18n.get().format("results.layerFailed", e.getMessage()), true));
            }
        });
    }

    /** What the playground's drawing gives: the class probabilities and a layer's output (null when none chosen). */
    public record Drawn(float[] probabilities, List<String> classNames, TrainedModel.LayerActivations layer) {
    }

    /**
     * The playground: the model's outputs (and a layer's) for a picture the user drew, in the background. The drawing
     * comes as 0..1 ink per pixel; it is scaled as the test pictures are (0..1, or 0..255 for a model that rescales
     * inside).
     */
    public void predictDrawn(float[] ink, String layerId, Consumer<Drawn> shown) {
        TrainedModel m = model.get();
        TestPredictions p = predictions.get();
        if (m == null || p == null || p.size() == 0) {
            return;
        }
        float max = 0;
        for (float v : p.features()[0]) {
            max = Math.max(max, v);
        }
        float scale = max > 1.5f ? 255f : 1f;
        float[] sample = new float[ink.length];
        for (int i = 0; i < ink.length; i++) {
            sample[i] = ink[i] * scale;
        }
        work.execute(() -> {
            try {
                float[] probs = m.predict(sample);
                TrainedModel.LayerActivations a = layerId == null ? null : m.activations(layerId, sample);
                fx.execute(() -> shown.accept(new Drawn(probs, p.classNames(), a)));
            } catch (RuntimeException e) {
                LOG.warn("Playground prediction failed", e);
                fx.execute(() -> say(i18n.get().format("results.layerFailed", e.getMessage()), true));
            }
        });
    }

    /** The shown run's prepared data, for encoding a typed sentence as its texts are (work thread writes, FX reads). */
    private volatile PreparedRun typedFor;

    /**
     * The playground for text models: a sentence typed by the user, encoded with the dataset's own word index and
     * layout, and the model's outputs for it (a one-unit sigmoid as two classes' probabilities), in the background.
     */
    public void predictTyped(String sentence, String layerId, Consumer<Drawn> shown) {
        TrainedModel m = model.get();
        TestPredictions p = predictions.get();
        PreparedRun run = typedFor;
        if (m == null || p == null || run == null) {
            return;
        }
        work.execute(() -> {
            try {
                float[] x = run.encodeText(sentence);
                float[] out = m.predict(x);
                float[] probs = out.length == 1 ? new float[] {1 - out[0], out[0]} : out;
                TrainedModel.LayerActivations a = layerId == null ? null : m.activations(layerId, x);
                fx.execute(() -> shown.accept(new Drawn(probs, p.classNames(), a)));
            } catch (RuntimeException e) {
                LOG.warn("Playground prediction failed", e);
                fx.execute(() -> say(i18n.get().format("results.layerFailed", e.getMessage()), true));
            }
        });
    }

    /** Whether the shown model reads texts, which the playground lets the user type. */
    public boolean typeable() {
        TestPredictions p = predictions.get();
        return model.get() != null && p != null && p.hasText() && typedFor != null;
    }

    /** Whether the shown model reads 28×28 one-channel pictures, which the playground's pad draws. */
    public boolean drawable() {
        TrainedModel m = model.get();
        TestPredictions p = predictions.get();
        return m != null && p != null && p.sampleShape().size() == PLAYGROUND_PIXELS * PLAYGROUND_PIXELS
                && !p.hasText();
    }

    /** The playground pad's side in pixels: MNIST's and Fashion-MNIST's. */
    public static final int PLAYGROUND_PIXELS = 28;

    /**
     * Saves the model to a file, in the background: {@code .nc.zip} with weights, graph, settings and dataset;
     * {@code .keras} or {@code .h5} as Keras 3 loads them (architecture, weights, compile settings).
     */
    public void export(Path file, Consumer<String> said) {
        TrainedModel m = model.get();
        if (m == null) {
            return;
        }
        DatasetChoice choice = dataset;
        busy.set(true);
        work.execute(() -> {
            String outcome;
            try {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".keras") || name.endsWith(".h5")) {
                    Project project = new Project(
                            m.compiled().graph(), m.compiled().settings(), choice, List.of());
                    KerasModelWriter.write(m, project,
                            ExportWriter.modelNameFor(file), file);
                } else {
                    ModelStore.save(m, choice, file);
                }
                outcome = null;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Model not saved", e);
                outcome = i18n.get().format("results.export.failed", file.getFileName(), e.getMessage());
            }
            String o = outcome;
            fx.execute(() -> {
                busy.set(false);
                said.accept(o);
            });
        });
    }

    public ObjectProperty<EvaluationReport> reportProperty() {
        return report;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<PublishedVerdict> publishedProperty() {
        return published;
    }

    public ObjectProperty<BaselineReport> baselinesProperty() {
        return baselines;
    }

    public ObjectProperty<TestPredictions> predictionsProperty() {
        return predictions;
    }

    public ObjectProperty<TrainedModel> modelProperty() {
        return model;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What the Results tab says above its charts; read-only: {@link #say} sets it with its kind. */
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem;
    }

    /** Says something in the Results tab: a problem in red, anything else (a file saved, a note) plainly. */
    public void say(String text, boolean problem) {
        message.set(text);
        messageIsProblem.set(problem);
    }

    public ObservableList<Integer> shownSamples() {
        return shownSamples;
    }

    public StringProperty shownTitleProperty() {
        return shownTitle;
    }
}
