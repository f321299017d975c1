package org.neuralcanvas.project;

import java.util.Map;

/**
 * Which bundled dataset a project trains on and how it is prepared, as plain strings so that
 * the project file does not depend on the dataset code (e.g. {@code mnist} with
 * {@code {"layout": "flat", "labels": "one_hot"}}).
 */
public record DatasetChoice(String datasetId, Map<String, String> options) {

    public DatasetChoice {
        options = Map.copyOf(options);
    }

    public static DatasetChoice none() {
        return new DatasetChoice("", Map.of());
    }

    public boolean isChosen() {
        return !datasetId.isEmpty();
    }
}
