package org.neuralcanvas.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.PublishedVerdict.SettingDifference;
import org.neuralcanvas.project.PublishedVerdict.Standing;
import org.neuralcanvas.project.templates.Templates;

class PublishedComparisonTest {

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    private static PublishedResult mnist() {
        return new Templates().find("mnist_mlp").orElseThrow().published();
    }

    private static RunRecord run(TrainingSettings settings, int epochs, String dataset, Map<String, Double> scores) {
        List<Map<String, Double>> history = new ArrayList<>(Collections.nCopies(epochs, Map.of("loss", 0.1)));
        return new RunRecord("run-1", "", settings, dataset, "finished", history,
                new RunResults(10000, scores, List.of(), null), null, null, null);
    }

    private static TrainingSettings template() {
        return new Templates().find("mnist_mlp").orElseThrow().settings();
    }

    @Test
    void aScoreInsideTheBandIsWithinIt() {
        PublishedVerdict v = PublishedComparison.judge(mnist(), run(template(), 5, "mnist", Map.of("accuracy", 0.9791)))
                .orElseThrow();
        assertEquals(Standing.WITHIN, v.standing());
        assertFalse(v.worse());
        assertEquals(List.of(), v.differences());
        assertEquals("Test accuracy 0.9791 is within the published band (0.975–0.981, Deep Learning with Python §2.1).",
                v.sentence());
    }

    @Test
    void theBandsEndsCountAsWithin() {
        assertEquals(Standing.WITHIN, PublishedComparison.judge(mnist(), run(template(), 5, "mnist",
                Map.of("accuracy", 0.975))).orElseThrow().standing());
        assertEquals(Standing.WITHIN, PublishedComparison.judge(mnist(), run(template(), 5, "mnist",
                Map.of("accuracy", 0.981))).orElseThrow().standing());
        assertEquals(Standing.ABOVE, PublishedComparison.judge(mnist(), run(template(), 5, "mnist",
                Map.of("accuracy", 0.9811))).orElseThrow().standing());
    }

    @Test
    void belowTheBandListsWhatDiffersFromTheTutorialsSettings() {
        TrainingSettings changed = template().withEpochs(5).withBatchSize(32)
                .withOptimizer(OptimizerSettings.defaults("adam").withLearningRate(0.01));
        // Stopped after 3 of the 5 epochs asked for: epochs trained is what differs.
        PublishedVerdict v = PublishedComparison.judge(mnist(), run(changed, 3, "mnist", Map.of("accuracy", 0.9612)))
                .orElseThrow();
        assertEquals(Standing.BELOW, v.standing());
        assertTrue(v.worse());
        assertEquals(List.of(new SettingDifference("epochs", "3", "5"), new SettingDifference("batch_size", "32", "128"),
                new SettingDifference("optimizer", "adam", "rmsprop"),
                new SettingDifference("learning_rate", "0.01", "0.001")), v.differences());
        assertEquals("Test accuracy 0.9612 is below the published band (0.975–0.981, Deep Learning with Python §2.1) — "
                + "here is what differs from the tutorial's settings: epochs 3 (tutorial 5), batch_size 32 (tutorial 128), "
                + "optimizer adam (tutorial rmsprop), learning_rate 0.01 (tutorial 0.001).", v.sentence());
    }

    @Test
    void belowTheBandWithTheTutorialsSettingsSaysTheGapIsElsewhere() {
        PublishedVerdict v = PublishedComparison.judge(mnist(), run(template(), 5, "mnist", Map.of("accuracy", 0.95)))
                .orElseThrow();
        assertTrue(v.sentence().contains("with the tutorial's settings: the gap comes from elsewhere"), v.sentence());
    }

    @Test
    void anErrorAboveTheBandIsTheWorseSide() {
        PublishedResult boston = new Templates().find("boston_housing").orElseThrow().published();
        TrainingSettings s = new Templates().find("boston_housing").orElseThrow().settings();
        PublishedVerdict v = PublishedComparison.judge(boston, run(s, 80, "boston_housing", Map.of("mae", 3.4)))
                .orElseThrow();
        assertEquals(Standing.ABOVE, v.standing());
        assertTrue(v.worse());
        // The template validates on 20 % where the book's final model trains on all of it: an honest difference.
        assertEquals(List.of(new SettingDifference("validation_split", "0.2", "0")), v.differences());
        assertTrue(v.sentence().endsWith("validation_split 0.2 (tutorial 0). For mae, lower is better."), v.sentence());
        PublishedVerdict better = PublishedComparison.judge(boston, run(s, 80, "boston_housing", Map.of("mae", 2.2)))
                .orElseThrow();
        assertEquals(Standing.BELOW, better.standing());
        assertFalse(better.worse());
    }

    @Test
    void numbersCompareAsNumbersAndNamesWithoutCase() {
        Map<String, String> tutorial = new LinkedHashMap<>();
        tutorial.put("learning_rate", "0.0010");
        tutorial.put("optimizer", "RMSprop");
        tutorial.put("batch_size", " 128 ");
        tutorial.put("steps_per_epoch", "469"); // not compared: kept, never listed
        PublishedResult p = new PublishedResult("accuracy", 0.9, 1, "x", "mnist", tutorial);
        assertEquals(List.of(), PublishedComparison.differences(p, run(template(), 5, "mnist", Map.of())));
    }

    @Test
    void nothingIsComparedWithoutResultsOrTheMetric() {
        RunRecord unevaluated = new RunRecord("run-1", "", template(), "mnist", "stopped", List.of(Map.of("loss", 1.0)));
        assertTrue(PublishedComparison.judge(mnist(), unevaluated).isEmpty());
        assertTrue(PublishedComparison.judge(mnist(), run(template(), 5, "mnist", Map.of("mae", 0.1))).isEmpty());
        assertTrue(PublishedComparison.judge(mnist(), run(template(), 5, "mnist", Map.of("accuracy", Double.NaN)))
                .isEmpty());
        assertTrue(PublishedComparison.judge(null, run(template(), 5, "mnist", Map.of("accuracy", 0.98))).isEmpty());
    }

    @Test
    void aRunOnAnotherDatasetIsNotCompared() {
        PublishedVerdict v = PublishedComparison.judge(mnist(), run(template(), 5, "fashion_mnist",
                Map.of("accuracy", 0.88))).orElseThrow();
        assertEquals(Standing.OTHER_DATASET, v.standing());
        assertEquals("This run trained on fashion_mnist; the published result (test accuracy 0.975–0.981, Deep Learning "
                + "with Python §2.1) is for mnist, so the two are not compared.", v.sentence());
    }

    @Test
    void theVerdictSpeaksChinese() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
        PublishedVerdict v = PublishedComparison.judge(mnist(), run(template().withBatchSize(32), 5, "mnist",
                Map.of("accuracy", 0.96))).orElseThrow();
        assertEquals("测试 accuracy 为 0.9600，低于已发表结果的范围（0.975–0.981，Deep Learning with Python §2.1）——"
                + "与教程设置不同之处：batch_size 32（教程为 128）。", v.sentence());
    }

    @Test
    void aBandThatIsNoRangeIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublishedResult("accuracy", 0.9, 0.8, "", "mnist", Map.of()));
        assertEquals("its band 0.9–0.8 is not a range of numbers from low to high", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PublishedResult(" ", 0, 1, "", "", null));
        assertThrows(IllegalArgumentException.class, () -> new PublishedResult("mae", Double.NaN, 1, "", "", null));
    }
}
