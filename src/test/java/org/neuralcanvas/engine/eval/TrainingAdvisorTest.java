package org.neuralcanvas.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.RunResults;
import org.neuralcanvas.project.TrainingSettings;

/** Each of the advisor's rules fires on a history built to show it, once, at its epoch, and a healthy run is quiet. */
class TrainingAdvisorTest {

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

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults();

    private static List<Map<String, Double>> history(double[] loss, double[] valLoss) {
        List<Map<String, Double>> h = new ArrayList<>();
        for (int e = 0; e < loss.length; e++) {
            h.add(valLoss == null ? Map.of("loss", loss[e]) : Map.of("loss", loss[e], "val_loss", valLoss[e]));
        }
        return h;
    }

    private static List<String> rules(List<Advice> notes) {
        return notes.stream().map(Advice::rule).toList();
    }

    @Test
    void aHealthyRunIsQuiet() {
        var h = history(new double[] {0.9, 0.5, 0.35, 0.3, 0.28}, new double[] {0.8, 0.5, 0.4, 0.39, 0.385});
        assertEquals(List.of(), TrainingAdvisor.notes(h, SETTINGS, new RunResults(100, Map.of(), List.of("a", "b"),
                new long[][] {{45, 5}, {6, 44}})));
    }

    @Test
    void overfittingIsSaidFromTheEpochAfterTheBestValidationLoss() {
        var h = history(new double[] {0.9, 0.6, 0.4, 0.3, 0.2, 0.1}, new double[] {0.8, 0.55, 0.5, 0.56, 0.62, 0.7});
        List<Advice> notes = TrainingAdvisor.notes(h, SETTINGS, null);
        assertEquals(List.of("overfitting"), rules(notes));
        assertEquals(4, notes.get(0).epoch());
        assertEquals("val_loss", notes.get(0).curve());
        assertEquals("Overfitting from epoch 4: val_loss was lowest at epoch 3 (0.5000) and has risen to 0.7000 while "
                + "the training loss kept falling. Add Dropout, turn on EarlyStopping(monitor='val_loss'), or train 3 "
                + "epochs.", notes.get(0).message());
        // One epoch past the best, or noise of under 5 %, is not yet overfitting.
        assertEquals(List.of(), TrainingAdvisor.notes(history(new double[] {0.9, 0.6, 0.4, 0.3},
                new double[] {0.8, 0.55, 0.5, 0.6}), SETTINGS, null));
        assertEquals(List.of(), TrainingAdvisor.notes(history(new double[] {0.9, 0.6, 0.4, 0.3, 0.2},
                new double[] {0.8, 0.55, 0.5, 0.51, 0.52}), SETTINGS, null));
    }

    @Test
    void aFlatAndAClimbingLossAreSaid() {
        List<Advice> flat = TrainingAdvisor.notes(history(new double[] {2.30, 2.30, 2.29, 2.29}, null), SETTINGS, null);
        assertEquals(List.of("flat_loss"), rules(flat));
        assertEquals("The loss has barely moved in 4 epochs (2.300 → 2.290): the model is not learning. Try a learning "
                + "rate 10× larger or smaller, check that the loss suits the output layer, and that the inputs are "
                + "scaled.", flat.get(0).message());
        assertEquals(List.of("diverging"), rules(TrainingAdvisor.notes(history(new double[] {1.0, 1.4, 2.5}, null),
                SETTINGS, null)));
        assertEquals(List.of(), rules(TrainingAdvisor.notes(history(new double[] {2.3, 2.3}, null), SETTINGS, null)),
                "two epochs are too few to say");
    }

    @Test
    void nanIsSaidAtItsEpochAndNothingElse() {
        List<Advice> notes = TrainingAdvisor.notes(history(new double[] {0.7, 0.5, Double.NaN}, null), SETTINGS, null);
        assertEquals(List.of("nan"), rules(notes));
        assertEquals(3, notes.get(0).epoch());
    }

    @Test
    void aLearningRateAtReduceLrOnPlateausFloorIsSaid() {
        CallbackSettings c = CallbackSettings.none();
        c = new CallbackSettings(c.earlyStopping(), new CallbackSettings.ReduceLrOnPlateau(true, "val_loss", 0.1, 2,
                1e-5), c.checkpoint());
        TrainingSettings s = SETTINGS.withCallbacks(c);
        List<Map<String, Double>> h = List.of(Map.of("loss", 0.9, "learning_rate", 1e-3),
                Map.of("loss", 0.8, "learning_rate", 1e-4), Map.of("loss", 0.7, "learning_rate", 1e-5),
                Map.of("loss", 0.6, "learning_rate", 1e-5));
        List<Advice> notes = TrainingAdvisor.notes(h, s, null);
        assertEquals(List.of("lr_floor"), rules(notes));
        assertEquals(3, notes.get(0).epoch());
        assertEquals(List.of(), TrainingAdvisor.notes(h, SETTINGS, null), "without ReduceLROnPlateau there is no floor");
    }

    @Test
    void aModelThatGuessesOneClassIsSaid() {
        RunResults guesses = new RunResults(100, Map.of("accuracy", 0.5), List.of("negative", "positive"),
                new long[][] {{50, 0}, {48, 2}});
        List<Advice> notes = TrainingAdvisor.notes(history(new double[] {0.7, 0.69, 0.6}, null), SETTINGS, guesses);
        assertEquals(List.of("one_class"), rules(notes));
        assertEquals("The model predicts negative for 98% of the test samples, though only 50% are negative: it has "
                + "learnt to guess one class. Lower the learning rate, train longer, or balance the classes.",
                notes.get(0).message());
        // A class that is nearly all of the data may be predicted nearly always.
        assertEquals(List.of(), TrainingAdvisor.notes(history(new double[] {0.7, 0.5, 0.4}, null), SETTINGS,
                new RunResults(100, Map.of(), List.of("a", "b"), new long[][] {{93, 1}, {3, 3}})));
    }

    @Test
    void theNotesSpeakChinese() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
        List<Advice> notes = TrainingAdvisor.notes(history(new double[] {1.0, 1.4, 2.5}, null), SETTINGS, null);
        assertEquals("损失在上升（第 1 个 epoch 为 1.000，现在为 2.500）：学习率太高了。请把它减小到十分之一。",
                notes.get(0).message());
    }
}
