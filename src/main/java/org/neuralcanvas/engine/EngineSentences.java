package org.neuralcanvas.engine;

import org.neuralcanvas.domain.text.Sentences;

/** The engine's sentences for the user (dataset fit, why a run stopped, model files, Keras import): one bundle. */
public final class EngineSentences {

    public static final Sentences SAY = new Sentences("org.neuralcanvas.engine.sentences");

    private EngineSentences() {
    }
}
