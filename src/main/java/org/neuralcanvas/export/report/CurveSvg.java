package org.neuralcanvas.export.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.neuralcanvas.export.SvgDiagramExporter;
import org.neuralcanvas.export.diagram.DiagramStyle;

/**
 * One training curve of a run as a small SVG chart, for the report: the metric per epoch and its {@code val_}
 * twin, with the value range and the epochs on the axes. The Training tab's charts are JFreeChart-FX viewers, which
 * need a window; these are drawn with JFreeSVG alone, deterministically (fixed id prefix, two-decimal coordinates).
 */
public final class CurveSvg {

    static final int WIDTH = 460;
    static final int HEIGHT = 240;
    private static final int LEFT = 58;
    private static final int RIGHT = 12;
    private static final int TOP = 26;
    private static final int BOTTOM = 34;
    private static final Color TRAIN = new Color(0x1f, 0x77, 0xb4);
    private static final Color VALIDATION = new Color(0xff, 0x7f, 0x0e);
    private static final Color AXIS = new Color(0x5f, 0x67, 0x6f);

    private CurveSvg() {
    }

    /** The metrics a run's history has curves for: {@code loss} first, then the others; no val_ or learning_rate. */
    public static List<String> metrics(List<Map<String, Double>> history) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        history.forEach(e -> keys.addAll(e.keySet()));
        List<String> found = new ArrayList<>();
        if (keys.contains("loss")) {
            found.add("loss");
        }
        keys.stream().filter(k -> !k.startsWith("val_") && !k.equals("loss") && !k.equals("learning_rate")
                && !k.equals("epoch")).forEach(found::add);
        return found;
    }

    /**
     * The chart of {@code metric} (and {@code val_metric} where the run has it) over epochs numbered from
     * {@code firstEpoch}; values that are not finite (a NaN loss) break the line instead of bending the scale.
     */
    public static String chart(List<Map<String, Double>> history, String metric, int firstEpoch) {
        double[] train = series(history, metric);
        double[] val = series(history, "val_" + metric);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : List.of(train, val)) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        } else if (hi - lo < 1e-12) {
            lo -= 0.5;
            hi += 0.5;
        }
        // A little room above and below, so the first and last points do not sit on the axis; the labels say the
        // curve's own extremes.
        double shownLo = lo;
        double shownHi = hi;
        double pad = 0.06 * (hi - lo);
        lo -= pad;
        hi += pad;
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix("curve-" + metric.replaceAll("[^A-Za-z0-9_]", "_"));
        g.setGeomDoubleConverter(SvgDiagramExporter::number);
        g.setTransformDoubleConverter(SvgDiagramExporter::number);
        g.setFontFunction(family -> DiagramStyle.SVG_FONT_FAMILY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(LEFT, TOP, LEFT, TOP + plotH));
        g.draw(new Line2D.Double(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
        g.drawString(value(shownHi), 4f, (float) (TOP + plotH * (1 - (shownHi - lo) / (hi - lo)) + 4));
        g.drawString(value(shownLo), 4f, (float) (TOP + plotH * (1 - (shownLo - lo) / (hi - lo)) + 4));
        int n = history.size();
        int lastEpoch = firstEpoch + Math.max(0, n - 1);
        g.drawString("epoch " + firstEpoch, (float) LEFT, (float) (TOP + plotH + 16));
        String last = Integer.toString(lastEpoch);
        g.drawString(last, (float) (LEFT + plotW - 6 * last.length()), (float) (TOP + plotH + 16));
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 12));
        g.setColor(TRAIN);
        g.drawString(metric, (float) LEFT, 16f);
        if (hasAny(val)) {
            g.setColor(VALIDATION);
            g.drawString("val_" + metric, (float) (LEFT + 8 * (metric.length() + 2)), 16f);
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(TRAIN);
        line(g, train, lo, hi, plotW, plotH);
        g.setColor(VALIDATION);
        line(g, val, lo, hi, plotW, plotH);
        return g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private static void line(SVGGraphics2D g, double[] s, double lo, double hi, double plotW, double plotH) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        int points = 0;
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                drawing = false;
                continue;
            }
            double x = LEFT + (s.length == 1 ? plotW / 2 : plotW * i / (s.length - 1));
            double y = TOP + plotH * (1 - (s[i] - lo) / (hi - lo));
            if (drawing) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
            }
            drawing = true;
            points++;
        }
        if (points > 0) {
            g.draw(path);
            // One epoch is a point, not an invisible line: mark every epoch.
            for (int i = 0; i < s.length; i++) {
                if (Double.isFinite(s[i])) {
                    double x = LEFT + (s.length == 1 ? plotW / 2 : plotW * i / (s.length - 1));
                    double y = TOP + plotH * (1 - (s[i] - lo) / (hi - lo));
                    g.fill(new java.awt.geom.Ellipse2D.Double(x - 2.5, y - 2.5, 5, 5));
                }
            }
        }
    }

    private static boolean hasAny(double[] s) {
        for (double v : s) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /** The column over all epochs; NaN where an epoch lacks it. */
    private static double[] series(List<Map<String, Double>> history, String key) {
        double[] values = new double[history.size()];
        for (int e = 0; e < values.length; e++) {
            Double v = history.get(e).get(key);
            values[e] = v == null ? Double.NaN : v;
        }
        return values;
    }

    private static String value(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%.0f" : "%.4f", v);
    }
}
