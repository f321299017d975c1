package org.neuralcanvas.engine.train;

import java.util.List;

/**
 * What the dataset's labels mean: the task and, for classifiers, the classes.
 *
 * @param task       multiclass, binary or regression
 * @param numClasses number of classes (2 for binary, 0 for regression)
 * @param classNames the classes' names in label order, or empty to number them
 */
public record DataDescriptor(TaskKind task, int numClasses, List<String> classNames) {

    public DataDescriptor {
        classNames = List.copyOf(classNames);
    }

    public static DataDescriptor multiclass(int numClasses) {
        return new DataDescriptor(TaskKind.MULTICLASS, numClasses, List.of());
    }

    public static DataDescriptor binary() {
        return new DataDescriptor(TaskKind.BINARY, 2, List.of());
    }

    public static DataDescriptor regression() {
        return new DataDescriptor(TaskKind.REGRESSION, 0, List.of());
    }

    public boolean isClassifier() {
        return task != TaskKind.REGRESSION;
    }

    /** The name of class {@code i}: its given name or its number. */
    public String className(int i) {
        return i < classNames.size() ? classNames.get(i) : String.valueOf(i);
    }
}
