package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.run.CostPreview;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.templates.Templates;

/** The cost preview counts an epoch's steps as fit does, scales to the run, and times a network once per batch size. */
class CostPreviewTest {

    @Test
    void stepsFollowTheBatchAndSplitAndTimingsAreKeptPerNetworkAndBatch() {
        Project p = new Templates().find("keras_quickstart").orElseThrow().newProject();
        BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());
        CostPreview preview = new CostPreview();
        var e = preview.estimate(data, p.dataset(), p.graph(), p.settings(), 1000);
        assertEquals(32, e.steps(), "1,000 samples in batches of 32");
        assertTrue(e.secondsPerStep() > 0 && e.secondsPerEpoch() >= 32 * e.secondsPerStep() * 0.999);
        assertEquals(e.secondsPerEpoch() * p.settings().epochs(), e.secondsInAll(), 1e-9);
        assertTrue(e.memoryBytes() > 0 && e.fitsInMemory());

        var again = preview.estimate(data, p.dataset(), p.graph(), p.settings().withEpochs(50).withValidationSplit(0.2), 1000);
        assertEquals(e.secondsPerStep(), again.secondsPerStep(), "the same network and batch: not timed again");
        assertEquals(25, again.steps(), "800 samples train, 200 validate");
        assertTrue(again.secondsInAll() > e.secondsInAll());
    }
}
