package org.neuralcanvas.ui.results;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A layer's output vector as bars, every unit of it: positive values up and negative ones down from one zero line,
 * each bar as tall as its value against the largest magnitude. Up to {@link #LABELLED} units each bar has its value
 * written under it, in its own column so the two line up; for more, the bars are one canvas (a 512-unit Dense is one
 * node, not 512) and the readout names the unit under the mouse and its value.
 */
final class VectorBars extends VBox {

    /** Up to this many units each bar has its value under it. */
    static final int LABELLED = 16;
    /** More units than this are not drawn (the caption says how many there are). */
    static final int MAX_UNITS = 4096;
    private static final double HEIGHT = 120;
    private static final Color POSITIVE = Color.web("#1f77b4");
    private static final Color NEGATIVE = Color.web("#d62728");

    private final float[] values;
    private final double max;
    private final Label readout = new Label(" ");
    private final int drawn;
    private final org.neuralcanvas.ui.common.I18n i18n;

    VectorBars(float[] v, org.neuralcanvas.ui.common.I18n i18n) {
        super(2);
        this.values = v;
        this.i18n = i18n;
        this.drawn = Math.min(MAX_UNITS, v.length);
        double m = 1e-9;
        for (int i = 0; i < drawn; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        this.max = m;
        readout.setId("layer-output-readout");
        if (drawn <= LABELLED) {
            getChildren().add(labelled());
        } else {
            getChildren().addAll(canvas(), readout);
        }
    }

    /** How many units are drawn (all of them up to {@link #MAX_UNITS}). */
    int drawnUnits() {
        return drawn;
    }

    /** A bar's height in pixels above (positive) or below (negative) the zero line. */
    double barHeight(int unit) {
        return HEIGHT / 2 * values[unit] / max;
    }

    private HBox labelled() {
        HBox columns = new HBox(6);
        columns.setAlignment(Pos.BOTTOM_LEFT);
        for (int i = 0; i < drawn; i++) {
            Canvas bar = new Canvas(24, HEIGHT);
            paint(bar.getGraphicsContext2D(), i, 2, 20);
            zeroLine(bar.getGraphicsContext2D(), 24);
            Label value = new Label(text(values[i]));
            value.setId("layer-output-value-" + i);
            VBox column = new VBox(1, bar, value);
            column.setAlignment(Pos.TOP_CENTER);
            column.setMinWidth(44);
            columns.getChildren().add(column);
        }
        return columns;
    }

    private Canvas canvas() {
        double width = drawn <= 256 ? 3 : drawn <= 1024 ? 2 : 1;
        Canvas c = new Canvas(drawn * width, HEIGHT);
        c.setId("layer-output-bars");
        GraphicsContext g = c.getGraphicsContext2D();
        for (int i = 0; i < drawn; i++) {
            paint(g, i, i * width, Math.max(1, width - (width > 1 ? 1 : 0)));
        }
        zeroLine(g, c.getWidth());
        c.setOnMouseMoved(e -> {
            int unit = (int) Math.min(drawn - 1, Math.max(0, e.getX() / width));
            readout.setText(i18n.format("results.layer.unit", String.valueOf(unit), text(values[unit])));
        });
        return c;
    }

    private void paint(GraphicsContext g, int unit, double x, double w) {
        double h = barHeight(unit);
        g.setFill(h >= 0 ? POSITIVE : NEGATIVE);
        double mid = HEIGHT / 2;
        // At least a pixel, so a zero still shows where its unit is.
        double size = Math.max(1, Math.abs(h));
        g.fillRect(x, h >= 0 ? mid - size : mid, w, size);
    }

    private static void zeroLine(GraphicsContext g, double width) {
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(0.5);
        g.strokeLine(0, HEIGHT / 2, width, HEIGHT / 2);
    }

    static String text(float v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** What the readout says now (the unit under the mouse). */
    String readoutText() {
        return readout.getText();
    }
}
