package org.neuralcanvas.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;

/** A search's trials: the grid in order or seeded random draws, each value put where it belongs and checked. */
class SweepPlanTest {

    private static ModelGraph mlp() {
        ModelBuilder b = new ModelBuilder();
        String in = b.addNamed("input", "Input", Map.of("shape", List.of(4)));
        String d = b.addNamed("dense", "Dense", Map.of("units", 8, "activation", "relu"), in);
        String r = b.addNamed("dropout", "Dropout", Map.of("rate", 0.5), d);
        b.addNamed("output", "Dense", Map.of("units", 3, "activation", "softmax"), r);
        return b.graph();
    }

    private static SweepPlan grid(String... axes) {
        return new SweepPlan(java.util.Arrays.stream(axes).map(SweepPlan.Axis::parse).toList(), false, 0, 1);
    }

    @Test
    void theGridIsEveryCombinationTheFirstSettingChangingSlowest() {
        List<SweepPlan.Trial> t = grid("learning_rate=0.1,0.01", "units:dense=16,32").trials(mlp(), TrainingSettings.defaults());
        assertEquals(4, t.size());
        assertEquals(List.of("learning_rate=0.1, units:dense=16", "learning_rate=0.1, units:dense=32",
                "learning_rate=0.01, units:dense=16", "learning_rate=0.01, units:dense=32"),
                t.stream().map(SweepPlan.Trial::label).toList());
        SweepPlan.Trial last = t.get(3);
        assertEquals(0.01, last.settings().optimizer().learningRate(), 1e-12);
        assertEquals(32, last.graph().findByName("dense").orElseThrow().params().getInt("units"));
        assertEquals(8, mlp().findByName("dense").orElseThrow().params().getInt("units"), "the project's graph stays");
    }

    @Test
    void aBudgetCutsTheGridAndRandomDrawsAreSeededAndDistinct() {
        SweepPlan cut = new SweepPlan(List.of(SweepPlan.Axis.parse("learning_rate=0.1,0.01,0.001"),
                SweepPlan.Axis.parse("batch_size=16,32")), false, 4, 1);
        assertEquals(4, cut.trials(mlp(), TrainingSettings.defaults()).size());
        SweepPlan random = new SweepPlan(cut.axes(), true, 5, 7);
        List<String> a = random.trials(mlp(), TrainingSettings.defaults()).stream().map(SweepPlan.Trial::label).toList();
        List<String> b = random.trials(mlp(), TrainingSettings.defaults()).stream().map(SweepPlan.Trial::label).toList();
        assertEquals(a, b, "the same seed draws the same trials");
        assertEquals(5, new java.util.HashSet<>(a).size(), "no combination twice while there are unseen ones");
        SweepPlan dropout = grid("rate:dropout=0.2,0.4");
        assertEquals(0.4, dropout.trials(mlp(), TrainingSettings.defaults()).get(1).graph().findByName("dropout")
                .orElseThrow().params().getDouble("rate"), 1e-12);
    }

    @Test
    void badPlansAreSentencesNamingTheirCause() {
        TrainingSettings s = TrainingSettings.defaults();
        assertTrue(message(() -> grid("units:dense2=16").trials(mlp(), s)).contains("no layer named 'dense2'"));
        assertTrue(message(() -> grid("filters:dense=16").trials(mlp(), s)).contains("dense (Dense) has no parameter filters"));
        assertTrue(message(() -> grid("units:dense=0").trials(mlp(), s)).startsWith("dense: units"));
        assertTrue(message(() -> grid("batch_size=16.5").trials(mlp(), s)).contains("takes whole numbers"));
        assertTrue(message(() -> grid("momentum=0.9").trials(mlp(), s)).contains("is not a setting a search can vary"));
        assertTrue(message(() -> grid("learning_rate=100").trials(mlp(), s)).contains("learning_rate"));
        assertTrue(message(() -> SweepPlan.Axis.parse("learning_rate=0.1,fast")).contains("'fast' is not one"));
        assertTrue(message(() -> SweepPlan.Axis.parse("learning_rate")).contains("write it as learning_rate=0.1,0.01"));
        assertTrue(message(() -> new SweepPlan(List.of(SweepPlan.Axis.parse("learning_rate=0.1")), true, 0, 1)
                .trials(mlp(), s)).contains("needs its number of trials"));
        String many = "batch_size=" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(String::valueOf).toList());
        assertTrue(message(() -> grid(many, "units:dense=" + String.join(",", java.util.stream.IntStream.rangeClosed(1, 15)
                .mapToObj(String::valueOf).toList())).trials(mlp(), s)).contains("would run 225 trials"));
    }

    private static String message(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
