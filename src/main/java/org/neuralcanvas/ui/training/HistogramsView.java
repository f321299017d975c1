package org.neuralcanvas.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralcanvas.engine.stats.Histogram;
import org.neuralcanvas.engine.stats.LayerStats;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.LiveChart;

/**
 * The Histograms tab, TensorBoard's idea in the window: for a chosen layer and quantity (weights, biases, the epoch's
 * updates, its outputs on a fixed batch) one column per epoch, each bin's count as the strength of its colour on a
 * common value axis, so a distribution spreading, shrinking or collapsing reads across the epochs; below it the
 * update:weight ratio of every layer on a log scale with the 1e-3 guide line. Asking for the statistics starts when
 * this tab is first shown; before that the training thread gathers none.
 */
final class HistogramsView extends BorderPane {

    enum Quantity {
        WEIGHTS(LayerStats::weights), BIASES(LayerStats::biases), UPDATES(LayerStats::updates),
        ACTIVATIONS(LayerStats::activations);

        final Function<LayerStats, Histogram> of;

        Quantity(Function<LayerStats, Histogram> of) {
            this.of = of;
        }
    }

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final ComboBox<String> layer = new ComboBox<>();
    private final ComboBox<Quantity> quantity = new ComboBox<>();
    private final Canvas strip = new Canvas(10, 10);
    private final Label caption = new Label();
    private final XYSeriesCollection ratios = new XYSeriesCollection();
    private final ListChangeListener<TrainingEvent.LayerStatsReady> statsListener = c -> refresh();

    HistogramsView(TrainingViewModel vm, I18n i18n, java.util.concurrent.Executor work) {
        this.vm = vm;
        this.i18n = i18n;
        setId("histograms-view");
        layer.setId("combo-histogram-layer");
        layer.setMinWidth(110); // a layer's name must stay readable in the narrow side panel
        quantity.setId("combo-histogram-quantity");
        quantity.getItems().setAll(Quantity.values());
        quantity.setValue(Quantity.WEIGHTS);
        quantity.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Quantity q) {
                return q == null ? "" : i18n.get("histograms." + q.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Quantity fromString(String s) {
                return null;
            }
        });
        layer.setOnAction(e -> draw());
        quantity.setOnAction(e -> draw());
        strip.setId("histogram-strip");
        Pane holder = new Pane(strip);
        holder.setMinSize(0, 0);
        strip.widthProperty().bind(holder.widthProperty());
        strip.heightProperty().bind(holder.heightProperty());
        strip.widthProperty().addListener((o, a, b) -> draw());
        strip.heightProperty().addListener((o, a, b) -> draw());
        caption.setId("histogram-caption");
        caption.setWrapText(true);
        HBox choose = new HBox(6, layer, quantity);
        choose.setAlignment(Pos.CENTER_LEFT);
        LogAxis y = new LogAxis(i18n.get("histograms.ratio"));
        y.setSmallestValue(1e-8);
        // Ticks written as numbers (6.3E-2), not as powers of ten with fractional exponents (10^-1.2).
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.0E0"));
        NumberAxis x = new NumberAxis(i18n.get("dashboard.chart.epoch"));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(ratios, x, y, new XYLineAndShapeRenderer(true, true));
        plot.addRangeMarker(new ValueMarker(1e-3, java.awt.Color.GRAY, new java.awt.BasicStroke(1f,
                java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        JFreeChart chart = new JFreeChart(i18n.get("histograms.ratioTitle"), new java.awt.Font("SansSerif",
                java.awt.Font.BOLD, 12), plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        LiveChart ratioChart = new LiveChart(chart, "chart-update-ratio", i18n, work, vm::say);
        ratioChart.setPrefHeight(220);
        VBox top = new VBox(4, choose, caption);
        javafx.scene.control.SplitPane body = new javafx.scene.control.SplitPane(holder, ratioChart);
        body.setOrientation(javafx.geometry.Orientation.VERTICAL);
        body.setDividerPositions(0.55);
        setTop(top);
        setCenter(body);
        setPadding(new Insets(4));
        vm.layerStats().addListener(statsListener);
        refresh();
    }

    void dispose() {
        vm.layerStats().removeListener(statsListener);
    }

    /** New statistics: the layer list, the ratio curves and the strip follow. */
    private void refresh() {
        List<TrainingEvent.LayerStatsReady> all = vm.layerStats();
        Set<String> names = new LinkedHashSet<>();
        all.forEach(e -> e.layers().forEach(l -> names.add(l.name())));
        if (!new ArrayList<>(names).equals(layer.getItems())) {
            String was = layer.getValue();
            layer.getItems().setAll(names);
            layer.setValue(was != null && names.contains(was) ? was : names.stream().findFirst().orElse(null));
        }
        ratios.removeAllSeries();
        for (String name : names) {
            XYSeries s = new XYSeries(name, true, false);
            for (TrainingEvent.LayerStatsReady e : all) {
                e.layers().stream().filter(l -> l.name().equals(name) && l.updateRatio() > 0
                        && Double.isFinite(l.updateRatio())).forEach(l -> s.add(e.epoch(), l.updateRatio()));
            }
            if (!s.isEmpty()) {
                ratios.addSeries(s);
            }
        }
        draw();
    }

    /** The chosen layer's and quantity's histograms per epoch, on one value axis. */
    private void draw() {
        GraphicsContext g = strip.getGraphicsContext2D();
        double w = strip.getWidth();
        double h = strip.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        List<Histogram> shown = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        LayerStats last = null;
        for (TrainingEvent.LayerStatsReady e : vm.layerStats()) {
            for (LayerStats l : e.layers()) {
                if (Objects.equals(l.name(), layer.getValue()) && quantity.getValue() != null) {
                    Histogram hist = quantity.getValue().of.apply(l);
                    if (hist != null) {
                        shown.add(hist);
                        epochs.add(e.epoch());
                    }
                    last = l;
                }
            }
        }
        caption.setText(caption(last, shown));
        if (shown.isEmpty() || w < 40 || h < 30) {
            return;
        }
        double lo = shown.stream().mapToDouble(Histogram::min).min().orElse(0);
        double hi = shown.stream().mapToDouble(Histogram::max).max().orElse(1);
        double left = 56;
        double bottom = 16;
        double plotW = w - left - 4;
        double plotH = h - bottom - 4;
        double col = plotW / shown.size();
        for (int i = 0; i < shown.size(); i++) {
            Histogram hist = shown.get(i);
            long[] counts = hist.counts();
            long peak = 1;
            for (long c : counts) {
                peak = Math.max(peak, c);
            }
            double[] edges = hist.edges();
            for (int b = 0; b < counts.length; b++) {
                double y0 = 4 + plotH * (1 - (edges[b + 1] - lo) / (hi - lo));
                double y1 = 4 + plotH * (1 - (edges[b] - lo) / (hi - lo));
                g.setFill(Color.rgb(31, 119, 180, Math.min(1, (double) counts[b] / peak)));
                g.fillRect(left + i * col, y0, Math.max(1, col - 1), Math.max(1, y1 - y0));
            }
        }
        g.setFill(Color.rgb(60, 60, 60));
        g.setFont(javafx.scene.text.Font.font(10));
        g.fillText(String.format(Locale.ROOT, "%.3g", hi), 2, 12);
        g.fillText(String.format(Locale.ROOT, "%.3g", lo), 2, 4 + plotH);
        g.fillText(String.valueOf(epochs.get(0)), left, h - 3);
        g.fillText(String.valueOf(epochs.get(epochs.size() - 1)), left + (shown.size() - 1) * col, h - 3);
    }

    private String caption(LayerStats last, List<Histogram> shown) {
        if (last == null) {
            return i18n.get("histograms.empty");
        }
        StringBuilder sb = new StringBuilder(i18n.format("histograms.caption", shown.size()));
        if (Double.isFinite(last.updateRatio())) {
            sb.append("  ").append(i18n.format("histograms.lastRatio", String.format(Locale.ROOT, "%.2e", last.updateRatio())));
        }
        if (Double.isFinite(last.deadShare())) {
            sb.append("  ").append(i18n.format("histograms.dead", String.format(Locale.ROOT, "%.0f%%", 100 * last.deadShare())));
        }
        return sb.toString();
    }

    /** The histograms drawn now (for tests). */
    int shownEpochs() {
        int n = 0;
        for (TrainingEvent.LayerStatsReady e : vm.layerStats()) {
            n += e.layers().stream().anyMatch(l -> Objects.equals(l.name(), layer.getValue())
                    && quantity.getValue() != null && quantity.getValue().of.apply(l) != null) ? 1 : 0;
        }
        return n;
    }

    XYSeriesCollection ratios() {
        return ratios;
    }
}
