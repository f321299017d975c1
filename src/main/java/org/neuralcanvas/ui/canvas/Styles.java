package org.neuralcanvas.ui.canvas;

import javafx.css.PseudoClass;

/** CSS pseudo-classes the canvas toggles; the looks live in neuralcanvas.css. */
final class Styles {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private Styles() {
    }
}
