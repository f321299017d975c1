package org.neuralcanvas.project;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A run held against its tutorial's published result ({@link PublishedComparison}): where its test score stands and
 * which of its settings differ from the tutorial's; {@link #sentence()} says it in the user's language.
 *
 * @param published   the tutorial's result
 * @param standing    within, below or above the band, or not compared (another dataset)
 * @param value       the run's test score of the published metric (NaN when not compared)
 * @param datasetId   the dataset the run trained on
 * @param differences the run's settings that are not the tutorial's, in the tutorial's order
 */
public record PublishedVerdict(PublishedResult published, Standing standing, double value, String datasetId,
                               List<SettingDifference> differences) {

    public enum Standing { WITHIN, BELOW, ABOVE, OTHER_DATASET }

    /** One setting the run does not share with the tutorial, both values as text ({@code epochs}: 3, tutorial 5). */
    public record SettingDifference(String name, String run, String tutorial) {
    }

    public PublishedVerdict {
        differences = List.copyOf(differences);
    }

    /** Outside the band on the wrong side: below it for accuracy, above it for an error such as MAE. */
    public boolean worse() {
        return published.lowerIsBetter() ? standing == Standing.ABOVE : standing == Standing.BELOW;
    }

    /**
     * "Test accuracy 0.9791 is within the published band (0.975–0.981, Deep Learning with Python §2.1)", or below it
     * with what differs from the tutorial's settings, in the JVM's display language.
     */
    public String sentence() {
        var say = ProjectSentences.SAY;
        String low = band(published.low());
        String high = band(published.high());
        if (standing == Standing.OTHER_DATASET) {
            return say.say("published.otherDataset", datasetId, published.metric(), low, high, published.source(),
                    published.datasetId());
        }
        String score = String.format(Locale.ROOT, "%.4f", value);
        if (standing == Standing.WITHIN) {
            return say.say("published.within", published.metric(), score, low, high, published.source());
        }
        String side = standing == Standing.BELOW ? "published.below" : "published.above";
        String sentence;
        if (!differences.isEmpty()) {
            String separator = say.say("published.listSeparator");
            String list = differences.stream()
                    .map(d -> say.say("published.difference", d.name(), d.run(), d.tutorial()))
                    .collect(Collectors.joining(separator));
            sentence = say.say(side + ".differs", published.metric(), score, low, high, published.source(), list);
        } else if (worse()) {
            sentence = say.say(side + ".same", published.metric(), score, low, high, published.source());
        } else {
            sentence = say.say(side, published.metric(), score, low, high, published.source());
        }
        return published.lowerIsBetter() ? sentence + " " + say.say("published.lowerIsBetter", published.metric())
                : sentence;
    }

    /** A band's end as the tutorial writes it: 0.975, 2.5 (no trailing zeros, no grouping, no exponent). */
    static String band(double v) {
        return RunSettingsWords.number(v);
    }
}
