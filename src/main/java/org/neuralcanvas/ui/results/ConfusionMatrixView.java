package org.neuralcanvas.ui.results;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.ui.common.I18n;

/**
 * The confusion matrix as a heatmap: rows are true classes, columns predicted ones; each cell's
 * shade is its share of the row. Clicking a cell shows those test samples.
 */
public final class ConfusionMatrixView extends GridPane {

    private final I18n i18n;
    private final BiConsumer<Integer, Integer> onCell;
    private long total;

    public ConfusionMatrixView(I18n i18n, BiConsumer<Integer, Integer> onCell) {
        this.i18n = i18n;
        this.onCell = onCell;
        setId("confusion-matrix");
        setHgap(1);
        setVgap(1);
    }

    public void show(EvaluationReport.Classification c) {
        getChildren().clear();
        total = 0;
        if (c == null) {
            return;
        }
        long[][] m = c.confusion();
        int n = m.length;
        double size = n > 20 ? 18 : n > 10 ? 24 : 29;
        Label corner = new Label(i18n.get("results.trueVsPredicted"));
        corner.getStyleClass().add("confusion-corner");
        add(corner, 0, 0);
        for (int p = 0; p < n; p++) {
            Label head = header(c.classNames().get(p), size);
            add(head, p + 1, 0);
        }
        for (int a = 0; a < n; a++) {
            add(header(c.classNames().get(a), size), 0, a + 1);
            long row = 0;
            for (long v : m[a]) {
                row += v;
            }
            for (int p = 0; p < n; p++) {
                long v = m[a][p];
                total += v;
                Label cell = new Label(String.valueOf(v));
                cell.setId("confusion-cell-" + a + "-" + p);
                cell.setMinSize(size, size);
                cell.setPrefSize(size, size);
                cell.setAlignment(Pos.CENTER);
                double share = row == 0 ? 0 : (double) v / row;
                cell.setStyle(style(share, a == p, size));
                int fa = a;
                int fp = p;
                cell.setOnMouseClicked(e -> onCell.accept(fa, fp));
                cell.setTooltip(new Tooltip(i18n.format("results.cell", c.classNames().get(a), c.classNames().get(p), v)));
                add(cell, p + 1, a + 1);
            }
        }
    }

    private static Label header(String text, double size) {
        Label l = new Label(text.length() > 6 ? text.substring(0, 6) : text);
        l.setTooltip(new Tooltip(text));
        l.setMinWidth(size);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-font-size: " + (size < 30 ? 9 : 11) + "px;");
        return l;
    }

    private static String style(double share, boolean diagonal, double size) {
        // Blue for the right answers, red for the mistakes; darker means a larger share of the row.
        int base = diagonal ? 0x1f77b4 : 0xd62728;
        int r = mix(0xff, base >> 16 & 0xff, share);
        int g = mix(0xff, base >> 8 & 0xff, share);
        int b = mix(0xff, base & 0xff, share);
        String text = share > 0.5 ? "white" : "#222";
        return String.format("-fx-background-color: #%02x%02x%02x; -fx-text-fill: %s; -fx-font-size: %dpx; -fx-cursor: hand;",
                r, g, b, text, size < 30 ? 9 : 11);
    }

    private static int mix(int from, int to, double t) {
        double k = Math.min(1, t == 0 ? 0 : 0.15 + 0.85 * t);
        return (int) Math.round(from + (to - from) * k);
    }

    /** The sum of the counts shown: the test-set size. */
    public long total() {
        return total;
    }
}
