package org.neuralcanvas.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Holds a run against the result its tutorial publishes: is its test score within the band, and if not, which of
 * its settings are not the tutorial's. Pure: the Results tab, the report and the tests ask the same question.
 */
public final class PublishedComparison {

    private PublishedComparison() {
    }

    /**
     * The verdict on a run, or empty where there is nothing to compare: no published result, a run without test
     * results, or results without the published metric (a run that used another metric).
     */
    public static Optional<PublishedVerdict> judge(PublishedResult published, RunRecord run) {
        if (published == null || run == null || run.results() == null) {
            return Optional.empty();
        }
        if (!published.datasetId().isEmpty() && !published.datasetId().equals(run.datasetId())) {
            return Optional.of(new PublishedVerdict(published, PublishedVerdict.Standing.OTHER_DATASET, Double.NaN,
                    run.datasetId(), List.of()));
        }
        Double value = run.results().scores().get(published.metric());
        if (value == null || !Double.isFinite(value)) {
            return Optional.empty();
        }
        PublishedVerdict.Standing standing = value < published.low() ? PublishedVerdict.Standing.BELOW
                : value > published.high() ? PublishedVerdict.Standing.ABOVE : PublishedVerdict.Standing.WITHIN;
        return Optional.of(new PublishedVerdict(published, standing, value, run.datasetId(), differences(published, run)));
    }

    /** The run's settings that are not the tutorial's, in the order the tutorial lists them. */
    public static List<PublishedVerdict.SettingDifference> differences(PublishedResult published, RunRecord run) {
        List<PublishedVerdict.SettingDifference> found = new ArrayList<>();
        for (Map.Entry<String, String> s : published.settings().entrySet()) {
            String ran = runValue(s.getKey(), run);
            if (ran != null && !same(ran, s.getValue())) {
                found.add(new PublishedVerdict.SettingDifference(s.getKey(), ran, s.getValue().trim()));
            }
        }
        return found;
    }

    /** A setting of the run by its Keras name, as text; null for a name that is not compared. */
    static String runValue(String kerasName, RunRecord run) {
        return RunSettingsWords.of(run).get(kerasName);
    }

    /** Numbers compare as numbers ("0.0010" is 0.001), names without regard to case. */
    private static boolean same(String ran, String tutorial) {
        String t = tutorial.trim();
        try {
            double a = Double.parseDouble(ran);
            double b = Double.parseDouble(t);
            return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        } catch (NumberFormatException e) {
            return ran.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT));
        }
    }
}
