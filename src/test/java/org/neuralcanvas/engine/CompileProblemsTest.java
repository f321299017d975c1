package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.layer.Activations;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jActivations;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.compile.Dl4jLosses;
import org.neuralcanvas.engine.compile.Dl4jUpdaters;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;

/** What cannot be compiled comes back as a sentence naming the layer; every Keras name we offer maps. */
class CompileProblemsTest {

    @Test
    void everyActivationLossAndOptimizerWeOfferHasADl4jCounterpart() {
        Activations.NAMES.forEach(n -> assertNotNull(Dl4jActivations.of(n), n));
        TrainingSettings.LOSSES.forEach(n -> assertNotNull(Dl4jLosses.of(n), n));
        OptimizerSettings.NAMES.forEach(n -> assertNotNull(Dl4jUpdaters.of(OptimizerSettings.defaults(n)), n));
    }

    @Test
    void batchNormalizationWithOnlyOneOfCenterAndScaleIsAProblemNamingTheLayer() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        b.then("BatchNormalization", Map.of("scale", false));
        b.then("Dense", Map.of("units", 2, "activation", "softmax"));
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults());
        assertFalse(c.ok());
        assertEquals(List.of("batch_normalization (BatchNormalization) has center=true and scale=false; DL4J learns "
                + "both or neither. Set both to the same value."), c.problems());
    }

    @Test
    void anInvalidGraphReportsShapeProblemsInsteadOfThrowing() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Dense", Map.of("units", 2));
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults());
        assertFalse(c.ok());
        assertTrue(c.problems().get(0).contains("Add a Flatten before dense"), c.problems()::toString);
    }

    @Test
    void aModelOfMoreLayersThanTheCapIsRefusedBeforeAnythingIsBuilt() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        for (int i = 0; i < Dl4jCompiler.MAX_LAYERS; i++) {
            b.then("Dense", Map.of("units", 4));
        }
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("mse"));
        assertEquals(List.of("The model has 2001 layers; NeuralCanvas trains models of up to 2000 layers. Remove layers, "
                + "or repeat a block fewer times."), c.problems());
    }

    @Test
    void anUnknownLossIsASentence() {
        Compilation c = Dl4jCompiler.compile(TinyData.classifier(), TrainingSettings.defaults().withLoss("huber_typo"));
        assertTrue(c.problems().get(0).startsWith("The loss 'huber_typo' is not known."), c.problems()::toString);
    }

    @Test
    void clipnormClipsEachWeightTensorByItsL2Norm() {
        TrainingSettings s = TrainingSettings.defaults().withOptimizer(OptimizerSettings.defaults("adam").withClipnorm(1.5));
        Compilation c = Dl4jCompiler.compile(TinyData.classifier(), s);
        BaseLayer dense = (BaseLayer) ((LayerVertex) c.model().configuration().getVertices().get("dense")).getLayerConf().getLayer();
        assertEquals(GradientNormalization.ClipL2PerParamType, dense.getGradientNormalization());
        assertEquals(1.5, dense.getGradientNormalizationThreshold());
    }

    @Test
    void kerasDropoutRateBecomesDl4jsRetainProbability() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        b.then("Dropout", Map.of("rate", 0.2));
        b.then("Dense", Map.of("units", 2, "activation", "softmax"));
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults());
        var layer = ((LayerVertex) c.model().configuration().getVertices().get("dropout")).getLayerConf().getLayer();
        assertEquals(0.8, ((org.deeplearning4j.nn.conf.dropout.Dropout) layer.getIDropout()).getP(), 1e-12);
    }

    @Test
    void aLossThatDoesNotFitTheOutputIsCaughtWithItsFix() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(784)));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("binary_crossentropy"));
        assertEquals(List.of("dense ends in a softmax over 10 classes, which goes with categorical_crossentropy (one-hot "
                + "labels) or sparse_categorical_crossentropy (class numbers); binary_crossentropy is for one sigmoid "
                + "output. Choose one of those losses, or give dense one unit with sigmoid."), c.problems());

        ModelBuilder one = new ModelBuilder();
        one.then("Input", Map.of("shape", List.of(8)));
        one.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        assertTrue(Dl4jCompiler.compile(one.graph(), TrainingSettings.defaults()).problems().get(0)
                .startsWith("dense has a single output, but categorical_crossentropy needs one output per class."));
        assertTrue(Dl4jCompiler.compile(one.graph(), TrainingSettings.defaults().withLoss("binary_crossentropy")).ok());
    }
}
