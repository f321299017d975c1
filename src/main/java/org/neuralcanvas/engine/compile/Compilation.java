package org.neuralcanvas.engine.compile;

import java.util.List;

/**
 * The outcome of compiling: a model, or the problems (sentences naming the layer) that prevent it.
 */
public record Compilation(CompiledModel model, List<String> problems) {

    public Compilation {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return model != null && problems.isEmpty();
    }

    static Compilation failed(List<String> problems) {
        return new Compilation(null, problems);
    }
}
