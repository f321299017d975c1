package org.neuralcanvas.ui.results;

import org.neuralcanvas.ui.common.Subscriptions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralcanvas.engine.data.TestPredictions;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.LiveChart;

/**
 * After a run: the test-set scores, the confusion matrix (classifiers) or predicted-vs-true
 * scatter (regressors), a grid of sample predictions (pictures for image data), a chosen layer's
 * output, and the model export.
 */
public final class ResultsView extends BorderPane {

    /** What this view attached to the view model; {@link #dispose} detaches it (the window is being rebuilt). */
    private final Subscriptions subs = new Subscriptions();

    private final ResultsViewModel vm;
    private final I18n i18n;
    private final Executor work;
    private final Label scores = new Label();
    /** The baselines' scores and whether the network beats the linear model. */
    private final Label baselines = new Label();
    /** The run against its tutorial's published result ("within the published band", or what differs). */
    private final Label published = new Label();
    private final ConfusionMatrixView confusion;
    private final StackPane left = new StackPane();
    private final FlowPane grid = new FlowPane(6, 6);
    private final Label gridTitle = new Label();
    private final LayerOutputView layerView;
    private final Label message = new Label();
    private PlaygroundView playground;

    public ResultsView(ResultsViewModel vm, I18n i18n, Executor work) {
        this.vm = vm;
        this.i18n = i18n;
        this.work = work;
        setId("results-view");
        confusion = new ConfusionMatrixView(i18n, vm::showCell);
        layerView = new LayerOutputView(vm, i18n);
        subs.onClose(layerView::dispose);
        scores.setId("results-scores");
        scores.setText(i18n.get("results.none"));
        Button export = new Button(i18n.get("results.export"));
        export.setId("button-export-model");
        subs.bind(export.disableProperty(), Bindings.createBooleanBinding(
                () -> vm.modelProperty().get() == null || vm.busyProperty().get(), vm.modelProperty(), vm.busyProperty()));
        export.setOnAction(e -> exportModel());
        Button all = new Button(i18n.get("results.showAll"));
        all.setOnAction(e -> vm.showAll());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        subs.bind(busy.visibleProperty(), vm.busyProperty());
        message.setId("results-message");
        message.setWrapText(true);
        // Red only for what went wrong: "Saved the model to …" is good news.
        subs.bind(message.styleProperty(), Bindings.createStringBinding(
                () -> vm.messageIsProblemProperty().get() ? "-fx-text-fill: #b00020;" : "", vm.messageIsProblemProperty()));
        subs.bind(message.textProperty(), vm.messageProperty());
        // It gives way to the export button, cut if need be: the whole sentence is on hover.
        message.setMinWidth(0);
        message.setMaxHeight(40);
        HBox.setHgrow(message, Priority.SOMETIMES);
        org.neuralcanvas.ui.common.FullText.onHover(message);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, scores, busy, message, gap, export);
        top.setAlignment(Pos.CENTER_LEFT);
        baselines.setId("results-baselines");
        baselines.setWrapText(true);
        published.setId("results-published");
        published.setWrapText(true);
        // Formatted here, not in the view model: a language switch rebuilds this view and says it again.
        subs.bind(published.textProperty(), Bindings.createStringBinding(() -> vm.publishedProperty().get() == null ? ""
                : vm.publishedProperty().get().sentence(), vm.publishedProperty()));
        published.managedProperty().bind(published.textProperty().isNotEmpty());
        VBox header = new VBox(2, top, baselines, published);
        header.setPadding(new Insets(4));
        setTop(header);

        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        grid.setId("sample-grid");
        grid.setPadding(new Insets(4));
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        HBox gridBar = new HBox(8, gridTitle, all);
        gridBar.setAlignment(Pos.CENTER_LEFT);
        VBox samples = new VBox(4, gridBar, gridScroll);
        VBox.setVgrow(gridScroll, Priority.ALWAYS);
        SplitPane right = new SplitPane(samples, layerView);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        SplitPane body = new SplitPane(leftScroll, right);
        body.setDividerPositions(0.42);
        // The test set's results, and the playground where the user draws a sample of their own.
        javafx.scene.control.Tab testTab = new javafx.scene.control.Tab(i18n.get("results.tab.test"), body);
        testTab.setId("tab-results-test");
        playground = new PlaygroundView(vm, i18n, subs);
        javafx.scene.control.Tab playTab = new javafx.scene.control.Tab(i18n.get("results.tab.playground"), playground);
        playTab.setId("tab-playground");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(testTab, playTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setSide(javafx.geometry.Side.BOTTOM);
        setCenter(tabs);

        subs.onChange(vm.reportProperty(), (o, a, r) -> showReport(r));
        subs.onChange(vm.shownSamples(), (javafx.collections.ListChangeListener<Integer>) c -> showSamples());
        subs.onChange(vm.shownTitleProperty(), (o, a, t) -> gridTitle.setText(t.isEmpty() ? samplesTitle() : t));
        gridTitle.setText(samplesTitle());
        showReport(vm.reportProperty().get());
        showSamples();
    }

    private void showReport(EvaluationReport r) {
        left.getChildren().clear();
        if (r == null) {
            baselines.setText("");
            scores.setText(i18n.get(vm.busyProperty().get() ? "results.evaluating" : "results.none"));
            confusion.show(null);
            return;
        }
        StringBuilder sb = new StringBuilder(i18n.format("results.test", r.samples()));
        sb.append(String.format(Locale.ROOT, "  loss: %.4f", r.loss()));
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            sb.append(String.format(Locale.ROOT, " - %s: %.4f", m.getKey(), m.getValue()));
        }
        // R² of an image's always-black border pixels is undefined (0/0); an autoencoder's mean is then NaN.
        if (r.regression() != null && Double.isFinite(r.regression().rSquared())) {
            sb.append(String.format(Locale.ROOT, " - R²: %.3f", r.regression().rSquared()));
        }
        scores.setText(sb.toString());
        baselines.setText(BaselineSummary.of(vm.baselinesProperty().get(), r, i18n));
        if (r.classification() != null) {
            confusion.show(r.classification());
            left.getChildren().add(confusion);
        } else if (vm.predictionsProperty().get() != null && !vm.predictionsProperty().get().isReconstruction()) {
            left.getChildren().add(scatter(vm.predictionsProperty().get()));
        }
    }

    private LiveChart scatter(TestPredictions p) {
        XYSeries points = new XYSeries(i18n.get("results.scatter.samples"), false, true);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < p.size(); i++) {
            double t = p.truth()[i][0];
            double y = p.predicted()[i][0];
            points.add(t, y, false);
            lo = Math.min(lo, Math.min(t, y));
            hi = Math.max(hi, Math.max(t, y));
        }
        XYSeries ideal = new XYSeries(i18n.get("results.scatter.ideal"));
        ideal.add(lo, lo);
        ideal.add(hi, hi);
        XYSeriesCollection data = new XYSeriesCollection(points);
        data.addSeries(ideal);
        // The least-squares line's prediction for each test sample, beside the network's: where the net adds something.
        double[] linear = vm.baselinesProperty().get().leastSquaresPredictions().orElse(null);
        if (linear != null && linear.length == p.size()) {
            XYSeries ols = new XYSeries(i18n.get("results.scatter.leastSquares"), false, true);
            for (int i = 0; i < p.size(); i++) {
                ols.add(p.truth()[i][0], linear[i], false);
            }
            data.addSeries(ols);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4, 160));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, Color.GRAY);
        r.setSeriesStroke(1, new BasicStroke(1.5f));
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShapesVisible(2, true);
        r.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesPaint(2, new Color(0xff, 0x7f, 0x0e, 150));
        XYPlot plot = new XYPlot(data, new NumberAxis(i18n.get("results.scatter.true")),
                new NumberAxis(i18n.get("results.scatter.predicted")), r);
        plot.setBackgroundPaint(Color.WHITE);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        JFreeChart chart = new JFreeChart(i18n.get("results.scatter"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LiveChart c = new LiveChart(chart, "chart-scatter", i18n, work, vm::say);
        c.setValues(x -> "");
        return c;
    }

    /** What the sample grid shows: predictions, or an autoencoder's reconstructions beside their inputs. */
    private String samplesTitle() {
        TestPredictions p = vm.predictionsProperty().get();
        return i18n.get(p != null && p.isReconstruction() ? "results.reconstructions" : "results.samples");
    }

    private void showSamples() {
        grid.getChildren().clear();
        TestPredictions p = vm.predictionsProperty().get();
        if (vm.shownTitleProperty().get().isEmpty()) {
            gridTitle.setText(samplesTitle());
        }
        if (p == null) {
            return;
        }
        boolean classifier = vm.reportProperty().get() == null || vm.reportProperty().get().classification() != null;
        for (int i : vm.shownSamples()) {
            VBox tile = new VBox(2);
            tile.getStyleClass().add("sample-tile");
            tile.setAlignment(Pos.TOP_CENTER);
            if (p.isPicture()) {
                HBox pictures = new HBox(2, tileImage(p.features()[i], p));
                if (p.isReconstruction()) {
                    // The autoencoder's output beside its input: how much of the digit came back.
                    pictures.getChildren().add(tileImage(p.predicted()[i], p));
                }
                tile.getChildren().add(pictures);
            } else if (p.hasText()) {
                // A review or a newswire as its words (the dataset's word index), not its multi-hot numbers.
                Label f = new Label(SampleTiles.opening(p.text(i)));
                f.getStyleClass().add("sample-text");
                f.setStyle("-fx-font-size: 9px;");
                f.setWrapText(true);
                f.setMaxHeight(48);
                javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip(p.text(i));
                whole.setWrapText(true);
                whole.setMaxWidth(420);
                f.setTooltip(whole);
                tile.getChildren().add(f);
            } else {
                Label f = new Label(SampleTiles.features(p.features()[i]));
                f.setStyle("-fx-font-size: 9px;");
                tile.getChildren().add(f);
            }
            Label l = new Label(SampleTiles.label(p, i, classifier));
            boolean wrong = classifier && p.trueClass(i) != p.predictedClass(i);
            l.setStyle(wrong ? "-fx-text-fill: #b00020;" : "");
            tile.getChildren().add(l);
            tile.setStyle("-fx-border-color: " + (wrong ? "#d62728" : "#ccc") + "; -fx-padding: 3; -fx-cursor: hand;");
            tile.setPrefWidth(p.isPicture() ? (p.isReconstruction() ? 128 : 70) : p.hasText() ? 170 : 110);
            int index = i;
            tile.setOnMouseClicked(e -> layerView.showSample(index));
            grid.getChildren().add(tile);
        }
    }

    private static ImageView tileImage(float[] values, TestPredictions p) {
        ImageView img = new ImageView(SampleTiles.picture(values, p.pictureHeight(), p.pictureWidth()));
        img.setFitWidth(56);
        img.setFitHeight(56);
        img.setSmooth(false);
        return img;
    }

    /** Where the model is exported to (a save dialog; tests answer directly). */
    private Supplier<Optional<Path>> exportChooser = this::chooseExport;

    public void setExportChooser(Supplier<Optional<Path>> chooser) {
        this.exportChooser = chooser;
    }

    /** Results' Export model… and File ▸ Export Trained Model…: as .nc.zip, .keras or .h5, by the chosen name. */
    public void exportModel() {
        if (vm.modelProperty().get() == null) {
            return;
        }
        exportChooser.get().ifPresent(path -> vm.export(path, failure -> vm.say(failure == null
                ? i18n.format("results.exported", path.getFileName()) : failure, failure != null)));
    }

    private Optional<Path> chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("results.export"));
        chooser.setInitialFileName("model" + ModelStore.EXTENSION);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("results.export.filter.nc"), "*" + ModelStore.EXTENSION),
                new FileChooser.ExtensionFilter(i18n.get("results.export.filter.keras"), "*.keras"),
                new FileChooser.ExtensionFilter(i18n.get("results.export.filter.h5"), "*.h5"));
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return Optional.empty();
        }
        // A name typed without an extension takes the chosen filter's.
        String ext = chooser.getSelectedExtensionFilter() == null ? ModelStore.EXTENSION
                : chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
        String name = f.getName();
        boolean known = name.endsWith(ModelStore.EXTENSION) || name.endsWith(".keras") || name.endsWith(".h5");
        return Optional.of(known ? f.toPath() : f.toPath().resolveSibling(name + ext));
    }

    public ConfusionMatrixView confusion() {
        return confusion;
    }

    public FlowPane sampleGrid() {
        return grid;
    }

    /** The playground sub-tab (for tests). */
    PlaygroundView playground() {
        return playground;
    }

    /** Detaches the view from the results (the window is being rebuilt). */
    public void dispose() {
        subs.close();
    }
}
