package org.neuralcanvas.ui.results;

import org.neuralcanvas.ui.common.Subscriptions;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.ui.common.I18n;

/**
 * The intermediate-layer view: the output of a chosen layer for a chosen test sample, drawn as
 * bars (a vector, every unit: {@link VectorBars}), a heat map (steps x features) or one picture per channel (feature maps).
 */
final class LayerOutputView extends BorderPane {

    /** What this view attached to the view model; {@link #dispose} detaches it (the window is being rebuilt). */
    private final Subscriptions subs = new Subscriptions();

    private static final int MAX_CHANNELS = 32;

    private final ResultsViewModel vm;
    private final I18n i18n;
    private final ComboBox<LayerNode> layer = new ComboBox<>();
    private final Spinner<Integer> sample = new Spinner<>(0, Integer.MAX_VALUE, 0);
    private final FlowPane output = new FlowPane(4, 4);
    private final Label caption = new Label();

    LayerOutputView(ResultsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        layer.setId("combo-layer-output");
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
        sample.setId("spinner-layer-sample");
        sample.setEditable(true);
        sample.setPrefWidth(90);
        Button show = new Button(i18n.get("results.layer.show"));
        show.setId("button-layer-output");
        show.setOnAction(e -> compute());
        layer.setOnAction(e -> compute());
        FlowPane bar = new FlowPane(6, 4, new Label(i18n.get("results.layer")), layer,
                new Label(i18n.get("results.layer.sample")), sample, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2));
        output.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(output);
        scroll.setFitToWidth(true);
        setTop(new VBox(4, bar, caption));
        setCenter(scroll);
        subs.onChange(vm.modelProperty(), (o, a, m) -> {
            layer.getItems().setAll(vm.layers());
            output.getChildren().clear();
            caption.setText("");
            if (m != null && layer.getItems().size() > 1) {
                layer.setValue(layer.getItems().get(1)); // the first layer after the Input; its output is shown
            }
        });
    }

    /** Shows the output for one sample (from the sample grid). */
    void showSample(int index) {
        sample.getValueFactory().setValue(index);
        compute();
    }

    private void compute() {
        LayerNode n = layer.getValue();
        if (n == null && !layer.getItems().isEmpty()) {
            n = layer.getItems().get(Math.min(1, layer.getItems().size() - 1));
            layer.setValue(n);
        }
        if (n != null && sample.getValue() != null) {
            vm.layerOutput(n.id(), sample.getValue(), this::draw);
        }
    }

    private void draw(TrainedModel.LayerActivations a) {
        output.getChildren().clear();
        caption.setText(i18n.format("results.layer.caption", a.layerName(), a.shape().toString(), sample.getValue()));
        int[] d = a.shape().dims();
        float[] v = a.values();
        if (d.length == 3) {
            int channels = Math.min(d[2], MAX_CHANNELS);
            for (int c = 0; c < channels; c++) {
                ImageView img = new ImageView(SampleTiles.channel(v, d[0], d[1], d[2], c));
                img.setSmooth(false);
                img.setFitWidth(Math.max(48, d[1] * 2));
                img.setPreserveRatio(true);
                output.getChildren().add(img);
            }
        } else if (d.length == 2) {
            ImageView img = new ImageView(SampleTiles.picture(v, d[0], d[1]));
            img.setSmooth(false);
            img.setFitWidth(Math.min(600, d[1] * 8));
            img.setPreserveRatio(true);
            output.getChildren().add(img);
        } else {
            VectorBars bars = new VectorBars(v, i18n);
            output.getChildren().add(bars);
            if (bars.drawnUnits() < v.length) {
                caption.setText(caption.getText() + " · " + i18n.format("results.layer.firstUnits",
                        String.valueOf(bars.drawnUnits()), String.valueOf(v.length)));
            }
        }
    }

    void dispose() {
        subs.close();
    }
}
