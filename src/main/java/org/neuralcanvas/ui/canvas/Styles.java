package org.neuralcanvas.ui.canvas;

import javafx.css.PseudoClass;

/** CSS pseudo-classes the canvas toggles; the looks live in neuralcanvas.css. */
final class Styles {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** A layer a comparison of two runs marks: the newer run added it, or changed it. */
    static final PseudoClass DIFF_ADDED = PseudoClass.getPseudoClass("diff-added");
    static final PseudoClass DIFF_CHANGED = PseudoClass.getPseudoClass("diff-changed");

    private Styles() {
    }
}
