package org.neuralcanvas.ui.common;

import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * A label whose sentence may be cut (an ellipsis in a narrow window, a wrapped status kept to two lines) keeps the
 * whole of it in a wrapped tooltip (a table or list cell too: cells are labels) that follows its text, shown only while there is text.
 */
public final class FullText {

    private FullText() {
    }

    public static void onHover(Labeled label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        label.setTooltip(blank(label.getText()) ? null : tip);
        label.textProperty().addListener((o, a, text) -> label.setTooltip(blank(text) ? null : tip));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
