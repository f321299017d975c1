package org.neuralcanvas.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The result a Keras tutorial publishes for its model, so that a run of the same model can be held against it: the
 * test metric, the band the tutorial's runs fall in, where it is published, the dataset and the settings the
 * tutorial trained with. A template carries it and a project made from the template keeps it in its file
 * ({@code "published"}; a file without one has none).
 *
 * @param metric    the test score compared, as the run's results name it: {@code accuracy}, {@code mae}, ...
 * @param low       the band's lower end
 * @param high      the band's upper end
 * @param source    where it is published, in a few words ({@code Deep Learning with Python §2.1})
 * @param datasetId the dataset the tutorial trains on; a run on another dataset is not compared
 * @param settings  the tutorial's settings by their Keras names ({@code epochs}, {@code batch_size}, {@code optimizer},
 *                  {@code learning_rate}, {@code loss}, {@code validation_split}) as text, in the order they are listed
 */
public record PublishedResult(String metric, double low, double high, String source, String datasetId,
                              Map<String, String> settings) {

    /** The settings a run is compared on, by their Keras names; others in a file are kept and not compared. */
    public static final Set<String> COMPARED = Set.of("epochs", "batch_size", "optimizer", "learning_rate", "loss",
            "validation_split");

    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "mae", "mse");

    public PublishedResult {
        // A hand-edited file may hold anything: each way of being wrong is one sentence (ProjectFile names the file).
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("it names no metric");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("its band " + low + "–" + high + " is not a range of numbers from low to high");
        }
        metric = metric.trim().toLowerCase(Locale.ROOT);
        source = source == null ? "" : source;
        datasetId = datasetId == null ? "" : datasetId;
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((k, v) -> {
                if (k != null && v != null) {
                    ordered.put(k, v);
                }
            });
        }
        settings = Collections.unmodifiableMap(ordered);
    }

    /** Whether a smaller score is the better one (an error such as MAE), so "below the band" is good news. */
    @JsonIgnore
    public boolean lowerIsBetter() {
        return LOWER_IS_BETTER.contains(metric);
    }
}
