package org.neuralcanvas.engine.keras;

/** Hears how far an import is: a fraction from 0 to 1 and a short sentence for the current step. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (fraction, step) -> { };

    void update(double fraction, String step);
}
