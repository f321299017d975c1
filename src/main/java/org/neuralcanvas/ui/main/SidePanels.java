package org.neuralcanvas.ui.main;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import org.neuralcanvas.ui.common.UserFiles;

/**
 * The palette (left) and the Inspector/Train tabs (right) around the canvas. Each can be hidden (View menu; the
 * choice is kept in the user settings), and their widths follow the window's: fixed widths that suit a 1600 px
 * screen left a 1024 px laptop window a canvas of a third of its width.
 */
final class SidePanels {

    static final String PALETTE = "palette";
    static final String SIDE = "side";

    private final SplitPane split = new SplitPane();
    private final Region palette;
    private final Node centre;
    private final Region side;
    private final BooleanProperty paletteShown;
    private final BooleanProperty sideShown;
    private double[] kept;

    SidePanels(Region palette, Node centre, Region side, UserFiles files) {
        this.palette = palette;
        this.centre = centre;
        this.side = side;
        split.setId("sidePanels");
        palette.setMinWidth(140);
        side.setMinWidth(220);
        // The sides keep their width when the window changes by a few pixels; the canvas takes the difference.
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(side, false);
        paletteShown = new SimpleBooleanProperty(files.panelShown(PALETTE));
        sideShown = new SimpleBooleanProperty(files.panelShown(SIDE));
        paletteShown.addListener((o, a, shown) -> {
            files.setPanelShown(PALETTE, shown);
            arrange();
        });
        sideShown.addListener((o, a, shown) -> {
            files.setPanelShown(SIDE, shown);
            arrange();
        });
        // A divider the user dragged stays until the window's width changes; then the widths follow the rule again.
        // After the pass that resized: the split pane's own layout would otherwise keep the old side widths.
        split.widthProperty().addListener((o, a, w) -> javafx.application.Platform.runLater(this::fitWidths));
        arrange();
    }

    /**
     * Puts the dividers where a previous build of the window had them (a language switch), instead of the width rule,
     * once the split pane is laid out.
     */
    void keep(double[] positions) {
        kept = positions.clone();
    }

    SplitPane node() {
        return split;
    }

    BooleanProperty paletteShownProperty() {
        return paletteShown;
    }

    BooleanProperty sideShownProperty() {
        return sideShown;
    }

    /** The palette's width in a window this wide: 18 %, from 180 to 240 px (the common layer names fit at 180). */
    static double paletteWidth(double window) {
        return Math.max(180, Math.min(240, window * 0.18));
    }

    /** The Inspector/Train panel's width: 28 %, from 285 to 340 px (the Train form fits without scrolling sideways at 285). */
    static double sideWidth(double window) {
        return Math.max(285, Math.min(340, window * 0.28));
    }

    private void arrange() {
        List<Node> items = new ArrayList<>();
        if (paletteShown.get()) {
            items.add(palette);
        }
        items.add(centre);
        if (sideShown.get()) {
            items.add(side);
        }
        split.getItems().setAll(items);
        fitWidths();
    }

    private void fitWidths() {
        double w = split.getWidth();
        if (w <= 0) {
            return; // not laid out yet: the width listener comes back when it is
        }
        if (kept != null && kept.length == split.getDividers().size()) {
            split.setDividerPositions(kept);
            kept = null;
            return;
        }
        kept = null;
        double p = paletteShown.get() ? paletteWidth(w) : 0;
        double r = sideShown.get() ? sideWidth(w) : 0;
        // Below 1024 px the panels give way too, down to their minimum widths, so the canvas keeps about half.
        double most = 0.48 * w;
        if (p + r > most) {
            double k = most / (p + r);
            p = paletteShown.get() ? Math.max(palette.getMinWidth(), p * k) : 0;
            r = sideShown.get() ? Math.max(side.getMinWidth(), r * k) : 0;
        }
        List<Double> positions = new ArrayList<>();
        if (paletteShown.get()) {
            positions.add(p / w);
        }
        if (sideShown.get()) {
            positions.add(1 - r / w);
        }
        split.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
