package org.neuralcanvas.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.stats.Histogram;
import org.neuralcanvas.engine.stats.LayerStats;

/** Each layer-statistics rule fires on statistics built to show it and stays quiet on healthy ones. */
class LayerStatsAdvisorTest {

    private static final Histogram H = Histogram.of(new float[] {0f, 1f}, 2);

    private static LayerStats layer(String name, double ratio, double dead) {
        return new LayerStats("id-" + name, name, H, H, H, H, ratio, dead);
    }

    @Test
    void healthyLayersAreQuiet() {
        assertTrue(LayerStatsAdvisor.notes(3, List.of(layer("dense", 2e-2, 0.1), layer("out", 5e-3, 0.0))).isEmpty());
    }

    @Test
    void deadUnitsExplodingAndVanishingUpdatesAreSaidWithTheirLayerAndEpoch() {
        List<Advice> notes = LayerStatsAdvisor.notes(4, List.of(layer("dense", 2e-2, 0.8), layer("dense_1", 3.0, 0),
                layer("dense_2", 1e-8, 0)));
        assertEquals(List.of("dead_units:dense", "exploding:dense_1", "vanishing:dense_2"),
                notes.stream().map(Advice::rule).toList());
        assertTrue(notes.get(0).message().startsWith("80% of the units of dense never fired on the fixed batch at epoch 4"),
                notes.get(0).message());
        assertTrue(notes.get(1).message().contains("3.0e+00"), notes.get(1).message());
        assertTrue(notes.get(2).message().contains("1.0e-08"), notes.get(2).message());
    }

    @Test
    void aStoredRunsNotesFromTheLayersAreReportedBesideThoseItsHistoryShows() throws Exception {
        org.neuralcanvas.project.RunRecord run = new org.neuralcanvas.project.RunRecord("run-1", "2026-12-03T00:00:00Z",
                org.neuralcanvas.project.TrainingSettings.defaults(), "mnist", "finished",
                List.of(java.util.Map.of("loss", 1.0))).withNotes(List.of("💡 80% of the units of dense never fired."));
        assertEquals(List.of("80% of the units of dense never fired."), TrainingAdvisor.allNotes(run));
        org.neuralcanvas.project.Project p = new org.neuralcanvas.project.Project(new org.neuralcanvas.domain.graph.ModelGraph(),
                org.neuralcanvas.project.TrainingSettings.defaults(), org.neuralcanvas.project.DatasetChoice.none(), List.of(run));
        assertEquals(run.notes(), org.neuralcanvas.project.ProjectFile.parse(org.neuralcanvas.project.ProjectFile.toJson(p), "t")
                .runs().get(0).notes(), "kept in the project file");
    }
}
