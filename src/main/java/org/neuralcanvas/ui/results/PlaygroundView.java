package org.neuralcanvas.ui.results;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.ui.common.I18n;

/**
 * The Results tab's playground: draw a digit with the mouse on a 28×28 pad (shown eight times larger), or for a text
 * model type a sentence, and watch the trained model's class probabilities, and any layer's output, follow the
 * strokes or the words (the drawing framed as MNIST's
 * digits were, {@link DigitFraming}). One prediction runs at a time on
 * the work thread; strokes made meanwhile are predicted together when it returns.
 */
final class PlaygroundView extends BorderPane {

    private static final int N = ResultsViewModel.PLAYGROUND_PIXELS;
    private static final int CELL = 8;

    private final ResultsViewModel vm;
    private final I18n i18n;
    private final float[] ink = new float[N * N];
    private final Canvas pad = new Canvas(N * CELL, N * CELL);
    private final GridPane bars = new GridPane();
    private final ComboBox<LayerNode> layer = new ComboBox<>();
    private final FlowPane layerOutput = new FlowPane(4, 4);
    private final Label note = new Label();
    private final javafx.scene.control.TextArea sentence = new javafx.scene.control.TextArea();
    private final VBox drawing;
    private final VBox typing;
    private boolean inFlight;
    private boolean dirty;
    private float[] lastProbabilities;
    private double lastX;
    private double lastY;

    /** @param subs where its listeners on the results go, released with the Results view */
    PlaygroundView(ResultsViewModel vm, I18n i18n, org.neuralcanvas.ui.common.Subscriptions subs) {
        this.vm = vm;
        this.i18n = i18n;
        setId("playground");
        pad.setId("playground-pad");
        pad.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
            stroke(e.getX(), e.getY());
        });
        // A fast drag reports points far apart: the line between them is inked, not only its ends.
        pad.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getX() - lastX;
            double dy = e.getY() - lastY;
            int steps = Math.max(1, (int) Math.ceil(Math.hypot(dx, dy) / (CELL / 2.0)));
            for (int i = 1; i <= steps; i++) {
                brush(lastX + dx * i / steps, lastY + dy * i / steps);
            }
            lastX = e.getX();
            lastY = e.getY();
            draw();
            predict();
        });
        Button clear = new Button(i18n.get("playground.clear"));
        clear.setId("button-playground-clear");
        clear.setOnAction(e -> {
            java.util.Arrays.fill(ink, 0f);
            draw();
            predict();
        });
        layer.setId("combo-playground-layer");
        layer.setConverter(new StringConverter<>() {
            @Override
            public String toString(LayerNode n) {
                return n == null ? "" : n.name() + " (" + n.kind().kerasName() + ")";
            }

            @Override
            public LayerNode fromString(String s) {
                return null;
            }
        });
        layer.setOnAction(e -> predict());
        note.setWrapText(true);
        note.setId("playground-note");
        bars.setId("playground-probabilities");
        bars.setHgap(6);
        bars.setVgap(2);
        drawing = new VBox(6, new Label(i18n.get("playground.draw")), pad, clear);
        drawing.setPadding(new Insets(4));
        sentence.setId("playground-text");
        sentence.setWrapText(true);
        sentence.setPrefColumnCount(28);
        sentence.setPrefRowCount(8);
        sentence.setPromptText(i18n.get("playground.typePrompt"));
        sentence.textProperty().addListener((o, a, b) -> predict());
        typing = new VBox(6, new Label(i18n.get("playground.type")), sentence);
        typing.setPadding(new Insets(4));
        VBox left = new VBox(drawing, typing);
        HBox layerBar = new HBox(6, new Label(i18n.get("results.layer")), layer);
        layerBar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, note, bars, layerBar, layerOutput);
        right.setPadding(new Insets(4));
        setLeft(left);
        setCenter(right);
        subs.onChange(vm.modelProperty(), (o, a, m) -> modelChanged());
        subs.onChange(vm.predictionsProperty(), (o, a, p) -> modelChanged());
        draw();
        modelChanged();
    }

    private void modelChanged() {
        boolean text = vm.typeable();
        boolean ok = vm.drawable() || text;
        pad.setDisable(!vm.drawable());
        for (javafx.scene.Node n : new javafx.scene.Node[] {typing}) {
            n.setVisible(text);
            n.setManaged(text);
        }
        drawing.setVisible(!text);
        drawing.setManaged(!text);
        note.setText(i18n.get(text ? "playground.typeHint" : ok ? "playground.hint"
                : vm.modelProperty().get() == null ? "playground.noModel" : "playground.notPictures"));
        layer.getItems().setAll(vm.layers());
        if (layer.getItems().size() > 1) {
            layer.setValue(layer.getItems().get(1)); // the first layer after the Input, as the layer view shows
        }
        bars.getChildren().clear();
        layerOutput.getChildren().clear();
        lastProbabilities = null;
    }

    private void stroke(double x, double y) {
        brush(x, y);
        draw();
        predict();
    }

    /** The brush at (x, y): full ink at the cell, half at its sides, a quarter at its corners. */
    private void brush(double x, double y) {
        int cx = (int) (x / CELL);
        int cy = (int) (y / CELL);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int px = cx + dx;
                int py = cy + dy;
                if (px >= 0 && px < N && py >= 0 && py < N) {
                    float add = dx == 0 && dy == 0 ? 1f : dx == 0 || dy == 0 ? 0.5f : 0.25f;
                    ink[py * N + px] = Math.min(1f, ink[py * N + px] + add);
                }
            }
        }
    }

    private void draw() {
        GraphicsContext g = pad.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, pad.getWidth(), pad.getHeight());
        for (int i = 0; i < ink.length; i++) {
            if (ink[i] > 0) {
                g.setFill(Color.gray(ink[i]));
                g.fillRect((i % N) * CELL, (i / N) * CELL, CELL, CELL);
            }
        }
    }

    /** One prediction at a time; strokes made while one runs are sent together once it returns. */
    private void predict() {
        if (!vm.drawable() && !vm.typeable()) {
            return;
        }
        if (inFlight) {
            dirty = true;
            return;
        }
        inFlight = true;
        LayerNode n = layer.getValue();
        java.util.function.Consumer<ResultsViewModel.Drawn> shown = d -> {
            inFlight = false;
            show(d);
            if (dirty) {
                dirty = false;
                predict();
            }
        };
        if (vm.typeable()) {
            vm.predictTyped(sentence.getText(), n == null ? null : n.id(), shown);
        } else {
            vm.predictDrawn(DigitFraming.frame(ink), n == null ? null : n.id(), shown);
        }
    }

    private void show(ResultsViewModel.Drawn d) {
        lastProbabilities = d.probabilities();
        bars.getChildren().clear();
        float[] p = d.probabilities();
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        for (int i = 0; i < p.length; i++) {
            String name = i < d.classNames().size() ? d.classNames().get(i) : String.valueOf(i);
            Label l = new Label(name);
            if (i == best) {
                l.setStyle("-fx-font-weight: bold;");
            }
            ProgressBar bar = new ProgressBar(p[i]);
            bar.setPrefWidth(160);
            bars.addRow(i, l, bar, new Label(String.format(Locale.ROOT, "%.1f %%", 100 * p[i])));
        }
        layerOutput.getChildren().clear();
        TrainedModel.LayerActivations a = d.layer();
        if (a != null) {
            int[] dims = a.shape().dims();
            if (dims.length == 3) {
                for (int c = 0; c < Math.min(dims[2], 16); c++) {
                    ImageView img = new ImageView(SampleTiles.channel(a.values(), dims[0], dims[1], dims[2], c));
                    img.setSmooth(false);
                    img.setFitWidth(Math.max(48, dims[1] * 2));
                    img.setPreserveRatio(true);
                    layerOutput.getChildren().add(img);
                }
            } else {
                layerOutput.getChildren().add(new VectorBars(a.values(), i18n));
            }
        }
    }

    /** The probabilities shown now (null before any drawing); for tests. */
    float[] probabilities() {
        return lastProbabilities == null ? null : lastProbabilities.clone();
    }
}
