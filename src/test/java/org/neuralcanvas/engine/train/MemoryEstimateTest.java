package org.neuralcanvas.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.text.ByteSizes;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.TrainingSettings;

/** A model too big for the free memory is refused before anything is allocated, naming the layer that is too big. */
class MemoryEstimateTest {

    private static CompiledModel mnistMlp(int units) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(784)));
        b.then("Dense", Map.of("units", units, "activation", "relu"));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        return Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults()).model();
    }

    @Test
    void aDenseOf200000UnitsIsRefusedNamingTheLayer() {
        // 784 × 200,000 weights, with their gradients and RMSprop's moment (the default optimizer): about 1.8 GB.
        MemoryEstimate estimate = MemoryEstimate.of(mnistMlp(200_000), 32, 2L << 30);
        assertFalse(estimate.fits());
        assertEquals("dense (Dense)", estimate.largestLayer());
        assertEquals("dense (Dense) alone needs about 1.8 GB to train with batch_size 32, more than the 1.6 GB this "
                + "computer can give. Give it fewer units or filters, or add a pooling layer before it.",
                estimate.refusal(32));
    }

    @Test
    void theTutorialMlpFitsWithRoomToSpare() {
        MemoryEstimate estimate = MemoryEstimate.of(mnistMlp(512), 128, 1L << 30);
        assertTrue(estimate.fits(), () -> ByteSizes.human(estimate.bytes()));
        assertTrue(estimate.bytes() < 32L << 20, "a few MB");
    }

    @Test
    void layersThatEachFitButNotTogetherGetTheWholeModelsSentence() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(2_000)));
        b.then("Dense", Map.of("units", 2_000));
        b.then("Dense", Map.of("units", 2_000));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        CompiledModel model = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults()).model();
        MemoryEstimate estimate = MemoryEstimate.of(model, 32, 100L << 20); // each Dense about 46 MB, 80 MB usable
        assertFalse(estimate.fits());
        assertEquals("The model needs about 94 MB to train with batch_size 32, but only 80 MB are free. Lower the "
                + "batch size, use fewer units or filters, or add a pooling layer before the first Dense.",
                estimate.refusal(32));
        assertTrue(MemoryEstimate.systemAvailable() > 0);
    }
}
