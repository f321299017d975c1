package org.neuralcanvas.project;

import java.util.List;

/**
 * A Keras loss, declared once: the name {@code compile(loss=...)} takes, older names and Keras 3 class names that
 * files carry, what kind of task it trains and how it wants its labels.
 *
 * @param name       the name the Train panel, project files and exported scripts use
 * @param aliases    other spellings read from files ({@code mean_squared_error}, {@code CategoricalCrossentropy})
 * @param task       what the model's output means
 * @param labels     how the training labels are given
 */
public record LossKind(String name, List<String> aliases, Task task, Labels labels) {

    /** What a model trained with this loss predicts. */
    public enum Task {
        /** One class of several (softmax output). */
        MULTICLASS,
        /** Yes or no for each output (sigmoid output; hinge losses take -1/1 or 0/1 the same way here). */
        BINARY,
        /** Numbers. */
        REGRESSION
    }

    /** How the labels are fed. */
    public enum Labels {
        ONE_HOT, CLASS_INDEX, ZERO_ONE, REAL
    }

    public LossKind {
        aliases = List.copyOf(aliases);
    }

    public boolean isClassification() {
        return task != Task.REGRESSION;
    }

    /** Whether a file's spelling stands for this loss. */
    public boolean isCalled(String spelling) {
        return name.equals(spelling) || aliases.contains(spelling);
    }
}
