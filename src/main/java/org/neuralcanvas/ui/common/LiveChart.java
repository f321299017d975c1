package org.neuralcanvas.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.overlay.CrosshairOverlayFX;
import org.jfree.chart.plot.Crosshair;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.neuralcanvas.project.AtomicFiles;

/**
 * A JFreeChart in a {@link ChartViewer}: mouse-drag and wheel zoom (JFreeChart's own), a crosshair
 * that snaps to the nearest point with its values read out below, and export as PNG or SVG (drawn
 * on the FX thread, written on {@code work}).
 */
public final class LiveChart extends BorderPane {

    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Crosshair crosshair = new Crosshair(Double.NaN, Color.GRAY, new BasicStroke(0.8f));
    private final Label readout = new Label(" ");
    private final Executor work;
    private final I18n i18n;
    /** Tells the user how an export went: the sentence, and whether it is a problem (drawn red) or good news. */
    private final BiConsumer<String, Boolean> said;
    private DoubleFunction<String> values = x -> "";

    public LiveChart(JFreeChart chart, String id, I18n i18n, Executor work, BiConsumer<String, Boolean> said) {
        this.chart = chart;
        this.i18n = i18n;
        this.work = work;
        this.said = said;
        this.viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.setMinSize(120, 100);
        CrosshairOverlayFX overlay = new CrosshairOverlayFX();
        crosshair.setLabelVisible(true);
        overlay.addDomainCrosshair(crosshair);
        viewer.getCanvas().addOverlay(overlay);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                follow(event.getTrigger().getX());
            }
        });
        Button reset = small(i18n.get("chart.resetZoom"), this::resetZoom);
        Button png = small("PNG", this::exportPng);
        Button svg = small("SVG", this::exportSvg);
        png.setTooltip(new Tooltip(i18n.get("chart.export.png")));
        svg.setTooltip(new Tooltip(i18n.get("chart.export.svg")));
        // The readout takes the room the buttons leave, cut with an ellipsis (the whole in its tooltip): a long one
        // with many overlaid runs squeezed the buttons to "..." before.
        readout.getStyleClass().add("chart-readout");
        readout.setId(id + "-readout");
        readout.setMinWidth(0);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        HBox.setHgrow(readout, Priority.ALWAYS);
        for (Button b : new Button[] {reset, png, svg}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        org.neuralcanvas.ui.common.FullText.onHover(readout);
        // Leaving the chart ends the reading: the crosshair and the values do not stay behind at the last epoch.
        viewer.setOnMouseExited(e -> clearReading());
        HBox bar = new HBox(4, readout, reset, png, svg);
        bar.setPadding(new Insets(0, 2, 0, 2));
        setCenter(viewer);
        setBottom(bar);
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("chart-button");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void resetZoom() {
        if (chart.getPlot() instanceof XYPlot plot) {
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                plot.getDomainAxis(i).setAutoRange(true);
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                plot.getRangeAxis(i).setAutoRange(true);
            }
        }
    }

    /** What the readout says at an x value (the nearest epoch). */
    public void setValues(DoubleFunction<String> values) {
        this.values = values;
    }

    private void follow(double screenX) {
        if (!(chart.getPlot() instanceof XYPlot plot) || viewer.getCanvas().getRenderingInfo() == null) {
            return;
        }
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        double x = plot.getDomainAxis().java2DToValue(screenX, area, plot.getDomainAxisEdge());
        double snapped = Math.max(1, Math.round(x));
        crosshair.setVisible(true);
        crosshair.setValue(snapped);
        readout.setText(values.apply(snapped));
    }

    /** No reading: the mouse has left the chart. */
    void clearReading() {
        crosshair.setVisible(false);
        readout.setText(" ");
    }

    /** Whether the crosshair shows (while the mouse is over the chart). */
    boolean crosshairShown() {
        return crosshair.isVisible();
    }

    public JFreeChart chart() {
        return chart;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public String readoutText() {
        return readout.getText();
    }

    private int width() {
        return (int) Math.max(640, viewer.getWidth());
    }

    private int height() {
        return (int) Math.max(400, viewer.getHeight());
    }

    /** The chart as an SVG document (JFreeSVG draws the JFreeChart). */
    public static String svgOf(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    public static byte[] pngOf(JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    private void exportPng() {
        Path file = choose("png");
        if (file != null) {
            try {
                write(file, pngOf(chart, width(), height()));
            } catch (IOException e) {
                said.accept(i18n.format("chart.export.failed", file.getFileName(), e.getMessage()), true);
            }
        }
    }

    private void exportSvg() {
        Path file = choose("svg");
        if (file != null) {
            write(file, svgOf(chart, width(), height()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path choose(String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("chart.export." + extension));
        chooser.setInitialFileName(viewer.getId() + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    private void write(Path file, byte[] bytes) {
        work.execute(() -> {
            try {
                AtomicFiles.write(file, out -> out.write(bytes));
                javafx.application.Platform.runLater(() -> said.accept(i18n.format("chart.export.done", file.getFileName()),
                        false));
            } catch (IOException e) {
                javafx.application.Platform.runLater(() -> said.accept(i18n.format("chart.export.failed", file.getFileName(),
                        e.getMessage()), true));
            }
        });
    }

    // ---- chart construction -------------------------------------------------------------------------

    static final double MIN_EPOCH_SPAN = 1.0;
    static final double MIN_VALUE_SPAN = 1e-3;

    static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
    static final Color VALIDATION = new Color(0xff, 0x7f, 0x0e);

    /** An epoch chart: current curves on top, earlier runs dashed behind, optional faint batch curve at the back. */
    public static JFreeChart epochChart(String title, String yLabel, XYDataset current, XYDataset overlays,
                                        XYDataset batches, String xLabel) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        // One point (the first epoch) would otherwise stretch a range of 1e-8 over the axis: its tick labels all read
        // the same number. At least one epoch across, and a small span of values, keep them distinct.
        x.setAutoRangeMinimumSize(MIN_EPOCH_SPAN);
        y.setAutoRangeMinimumSize(MIN_VALUE_SPAN);
        XYLineAndShapeRenderer main = new XYLineAndShapeRenderer(true, true);
        main.setSeriesPaint(0, TRAIN);
        main.setSeriesPaint(1, VALIDATION);
        main.setDefaultStroke(new BasicStroke(2f));
        main.setAutoPopulateSeriesStroke(false);
        XYPlot plot = new XYPlot(current, x, y, main);
        XYLineAndShapeRenderer past = new XYLineAndShapeRenderer(true, false);
        past.setAutoPopulateSeriesStroke(false);
        past.setDefaultStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        for (int i = 0; i < 40; i++) {
            Color c = i % 2 == 0 ? TRAIN : VALIDATION;
            past.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        }
        plot.setDataset(1, overlays);
        plot.setRenderer(1, past);
        if (batches != null) {
            XYLineAndShapeRenderer faint = new XYLineAndShapeRenderer(true, false);
            faint.setSeriesPaint(0, new Color(TRAIN.getRed(), TRAIN.getGreen(), TRAIN.getBlue(), 60));
            faint.setSeriesStroke(0, new BasicStroke(1f));
            faint.setSeriesVisibleInLegend(0, false);
            plot.setDataset(2, batches);
            plot.setRenderer(2, faint);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 12), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 10));
        return chart;
    }

    /** Fold colours: Matplotlib's tab10 without the blue and orange of the current curves. */
    private static final Color[] FOLD_COLOURS = {new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28),
            new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2),
            new Color(0xbc, 0xbd, 0x22), new Color(0x17, 0xbe, 0xcf), new Color(0x7f, 0x7f, 0x7f)};

    /**
     * K-fold curves on an epoch chart, above everything else: the folds' mean bold and black, its moving average
     * dashed, each fold's validation curve thin in its own colour (the order of the training dashboard's {@code RunCurves.lossFolds()}).
     */
    public static void addFolds(JFreeChart chart, XYDataset folds) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setAutoPopulateSeriesStroke(false);
        r.setAutoPopulateSeriesPaint(false);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesPaint(1, new Color(0x44, 0x44, 0x44));
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 3f}, 0f));
        for (int i = 2; i < 2 + 20; i++) {
            Color c = FOLD_COLOURS[(i - 2) % FOLD_COLOURS.length];
            r.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
            r.setSeriesStroke(i, new BasicStroke(1.2f));
            r.setSeriesVisibleInLegend(i, false); // K legend entries would squeeze the chart; the readout names them
        }
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(3, folds);
        // Under the current fold's curves (JFreeChart draws the datasets from the last index up); once the run is
        // over those are empty and the mean is on top of the folds.
        plot.setRenderer(3, r);
    }
}
