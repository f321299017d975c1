package org.neuralcanvas.project;

import org.neuralcanvas.domain.text.Sentences;

/** The project's sentences for the user (a run against its tutorial's published result): one bundle. */
public final class ProjectSentences {

    public static final Sentences SAY = new Sentences("org.neuralcanvas.project.sentences");

    private ProjectSentences() {
    }
}
