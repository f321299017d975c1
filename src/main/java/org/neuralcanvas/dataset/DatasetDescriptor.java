package org.neuralcanvas.dataset;

import org.neuralcanvas.domain.text.Sentences;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the UI lists and the engine checks a graph against: one bundled dataset, its task, the
 * feature shapes it can be given in, its classes and counts, and where it really comes from.
 *
 * <p>Its name and description are in the user's language: {@code dataset/sentences*.properties}.
 *
 * @param id           stable key, used in project files, as the cache folder name and in the name's bundle keys
 * @param task         the kind of target
 * @param classNames   class names in label order; empty for regression
 * @param trainCount   examples in the training split
 * @param testCount    examples in the test split
 * @param layouts      the feature layouts on offer with their per-example shapes (Keras order,
 *                     no batch dimension); the first is the default. For
 *                     {@link FeatureLayout#TOKEN_INDICES} the shape is the default sequence length
 *                     and for {@link FeatureLayout#MULTI_HOT} the default vocabulary size: both
 *                     are preprocessing options.
 * @param pixelMax     the largest raw pixel value (255 for MNIST, 16 for digits), which "scale to
 *                     [0, 1]" divides by; 0 when the features are not pixels
 * @param source       where the data comes from: the registry package and the original
 * @param licence      the data's licence or terms of use
 * @param synthetic    true when the data is generated from a seed, not read from the cache
 * @param ownName      for the user's own data (a CSV table, a folder of images), its file or folder name; null for
 *                     the bundled datasets, whose names come from the bundle
 * @param ownSummary   for the user's own data, what the import made of it (rows, columns, what was left out); else null
 */
public record DatasetDescriptor(
        String id,
        TaskKind task,
        List<String> classNames,
        int trainCount,
        int testCount,
        Map<FeatureLayout, int[]> layouts,
        float pixelMax,
        String source,
        String licence,
        boolean synthetic,
        String ownName,
        String ownSummary) {

    /** A bundled dataset. */
    public DatasetDescriptor(String id, TaskKind task, List<String> classNames, int trainCount, int testCount,
                             Map<FeatureLayout, int[]> layouts, float pixelMax, String source, String licence,
                             boolean synthetic) {
        this(id, task, classNames, trainCount, testCount, layouts, pixelMax, source, licence, synthetic, null, null);
    }

    public DatasetDescriptor {
        Objects.requireNonNull(id);
        Objects.requireNonNull(task);
        classNames = List.copyOf(classNames);
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException(id + " offers no feature layout");
        }
        Map<FeatureLayout, int[]> copy = new LinkedHashMap<>();
        layouts.forEach((k, v) -> copy.put(k, v.clone()));
        layouts = Collections.unmodifiableMap(copy);
    }

    private static final Sentences SAY = new Sentences("org.neuralcanvas.dataset.sentences");

    /** What the user reads, e.g. "Fashion-MNIST" (波士顿房价 in Chinese for Boston housing). */
    public String displayName() {
        return own() ? ownName : SAY.say("dataset." + id + ".name");
    }

    /** One or two sentences on what the data is. */
    public String description() {
        return own() ? ownSummary : SAY.say("dataset." + id + ".description");
    }

    /** True for the user's own data: read from where the user keeps it, not from the dataset cache. */
    public boolean own() {
        return ownName != null;
    }

    /** The number of classes; 0 for regression. */
    public int numClasses() {
        return classNames.size();
    }

    /** The layout used when the user has not chosen one. */
    public FeatureLayout defaultLayout() {
        return layouts.keySet().iterator().next();
    }

    public boolean offers(FeatureLayout layout) {
        return layouts.containsKey(layout);
    }

    /** The per-example shape in the given layout (a copy), Keras order, no batch dimension. */
    public int[] shape(FeatureLayout layout) {
        int[] s = layouts.get(layout);
        if (s == null) {
            throw new IllegalArgumentException(displayName() + " has no " + layout + " layout");
        }
        return s.clone();
    }

    /** True for text datasets, whose raw examples are word-index sequences. */
    public boolean isText() {
        return offers(FeatureLayout.TOKEN_INDICES) || offers(FeatureLayout.MULTI_HOT);
    }

    /** Keras-style shape text for the UI, e.g. "(None, 28, 28, 1)". */
    public String kerasShape(FeatureLayout layout) {
        StringBuilder b = new StringBuilder("(None");
        for (int d : shape(layout)) {
            b.append(", ").append(d);
        }
        return b.append(')').toString();
    }

    @Override
    public String toString() {
        return id + " (" + displayName() + ", " + task + ", train " + trainCount + ", test " + testCount
                + ", layouts " + layouts.keySet() + " " + layouts.values().stream().map(Arrays::toString).toList() + ")";
    }
}
