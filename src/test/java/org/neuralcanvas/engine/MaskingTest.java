package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's step mask (Masking, Embedding's mask_zero): a layer that reads it computes what the same layer computes
 * on the real steps alone, wherever the padding lies — before, after or between them — and learns the same
 * gradient; the Masking layer sets padded steps to 0; a saved model masks as before; what NeuralCanvas cannot
 * mask is a problem with a sentence, before compiling.
 */
class MaskingTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withLoss("mse")
            .withOptimizer(OptimizerSettings.defaults("sgd"));

    /** Six steps, three of them real: padding before (sample 0), after (1) and between the real steps (2). */
    private static final int[][] REAL_STEPS = {{3, 4, 5}, {0, 1, 2}, {0, 2, 5}};

    private static ComputationGraph net(ModelGraph g) {
        return DoublePrecisionNets.of(g, SETTINGS);
    }

    /** Input (steps, 3) → [Masking] → the layers → Dense 2. */
    private static ModelGraph sequences(int steps, boolean masking, List<Map.Entry<String, Map<String, Object>>> layers) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(steps, 3)));
        if (masking) {
            b.then("Masking", Map.of("mask_value", 0.0));
        }
        layers.forEach(l -> b.then(l.getKey(), l.getValue()));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    /** Random real steps, placed at REAL_STEPS in six steps of zeros; and the real steps alone. */
    private static INDArray[] paddedAndReal() {
        Nd4j.getRandom().setSeed(7);
        INDArray real = Nd4j.rand(DataType.DOUBLE, 3, 3, 3).addi(0.1);
        INDArray padded = Nd4j.zeros(DataType.DOUBLE, 3, 6, 3);
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < 3; i++) {
                padded.get(NDArrayIndex.point(n), NDArrayIndex.point(REAL_STEPS[n][i]), NDArrayIndex.all())
                        .assign(real.get(NDArrayIndex.point(n), NDArrayIndex.point(i), NDArrayIndex.all()));
            }
        }
        return new INDArray[] {padded, real};
    }

    private static void assertReadsTheRealStepsOnly(String title, List<Map.Entry<String, Map<String, Object>>> layers) {
        ComputationGraph masked = net(sequences(6, true, layers));
        ComputationGraph alone = net(sequences(3, false, layers));
        assertEquals(alone.params().length(), masked.params().length(), title);
        masked.params().assign(alone.params());
        INDArray[] x = paddedAndReal();
        INDArray a = masked.outputSingle(false, x[0]);
        INDArray b = alone.outputSingle(false, x[1]);
        assertTrue(a.equalsWithEps(b, 1e-10), () -> title + ": " + a + "\nvs the real steps alone\n" + b);

        // The same gradient: a padded step adds nothing and passes the state's gradient on unchanged.
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        masked.setInputs(x[0]);
        masked.setLabels(y);
        masked.computeGradientAndScore();
        alone.setInputs(x[1]);
        alone.setLabels(y);
        alone.computeGradientAndScore();
        INDArray ga = masked.getFlattenedGradients();
        INDArray gb = alone.getFlattenedGradients();
        assertTrue(ga.equalsWithEps(gb, 1e-10), () -> title + " gradients:\n" + ga + "\nvs\n" + gb);
        assertTrue(gb.norm2Number().doubleValue() > 0, title);

        // Without the mask the padding would count: the test can tell.
        ComputationGraph unmasked = net(sequences(6, false, layers));
        unmasked.params().assign(alone.params());
        assertFalse(unmasked.outputSingle(false, x[0]).equalsWithEps(b, 1e-6), title + " without Masking");
    }

    @Test
    void aMaskedLayerComputesWhatItComputesOnTheRealStepsAlone() {
        assertReadsTheRealStepsOnly("GRU", List.of(Map.entry("GRU", Map.of("units", 4))));
        assertReadsTheRealStepsOnly("GRU reset_after=False",
                List.of(Map.entry("GRU", Map.of("units", 4, "reset_after", false))));
        assertReadsTheRealStepsOnly("LSTM", List.of(Map.entry("LSTM", Map.of("units", 4))));
        assertReadsTheRealStepsOnly("Bidirectional(GRU)",
                List.of(Map.entry("Bidirectional", Map.of("layer", "GRU", "units", 3))));
        // A sequence returned keeps the mask for the next readers: a stacked LSTM, then the average of its steps.
        assertReadsTheRealStepsOnly("LSTM → GRU → GlobalAveragePooling1D", List.of(
                Map.entry("LSTM", Map.of("units", 4, "return_sequences", true)),
                Map.entry("Dense", Map.of("units", 3, "time_distributed", true)),
                Map.entry("GRU", Map.of("units", 3, "return_sequences", true)),
                Map.entry("GlobalAveragePooling1D", Map.of())));
    }

    /** Embedding(mask_zero=True): word index 0 is padding, the LSTM after it reads the words alone. */
    @Test
    void maskZeroSkipsTheZeroWordIndices() {
        ModelGraph masked = words(6, true);
        ModelGraph alone = words(3, false);
        ComputationGraph a = net(masked);
        ComputationGraph b = net(alone);
        a.params().assign(b.params());
        INDArray padded = Nd4j.createFromArray(new double[][] {{0, 0, 0, 4, 7, 2}, {5, 9, 1, 0, 0, 0}, {3, 0, 8, 0, 0, 6}});
        INDArray words = Nd4j.createFromArray(new double[][] {{4, 7, 2}, {5, 9, 1}, {3, 8, 6}});
        INDArray out = a.outputSingle(false, padded);
        INDArray expected = b.outputSingle(false, words);
        assertTrue(out.equalsWithEps(expected, 1e-10), () -> out + "\nvs\n" + expected);
    }

    private static ModelGraph words(int steps, boolean maskZero) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(steps)));
        b.then("Embedding", Map.of("input_dim", 10, "output_dim", 3, "mask_zero", maskZero));
        b.then("LSTM", Map.of("units", 4));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    /** Masking's own output: the padded steps (every feature equal to mask_value) as 0, the others as they were. */
    @Test
    void maskingSetsThePaddedStepsToZero() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(3, 2)));
        b.then("Masking", Map.of("mask_value", -1.0));
        b.then("LSTM", Map.of("units", 2));
        ComputationGraph net = net(b.graph());
        INDArray x = Nd4j.createFromArray(new double[][][] {{{-1, -1}, {-1, 5}, {2, 3}}});
        INDArray masking = net.feedForward(new INDArray[] {x}, false).get("masking");
        assertEquals(Nd4j.createFromArray(new double[][][] {{{0, 0}, {-1, 5}, {2, 3}}}), masking.castTo(DataType.DOUBLE));
    }

    @Test
    void aSavedMaskedModelMasksAsBefore(@TempDir Path dir) throws Exception {
        ComputationGraph net = net(SampleModels.maskedSequences());
        INDArray x = paddedAndReal()[0];
        INDArray before = net.outputSingle(false, x);
        File file = dir.resolve("masked.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        assertTrue(Files.size(file.toPath()) > 0);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(file, true);
        assertTrue(before.equalsWithEps(loaded.outputSingle(false, x), 1e-10));
    }

    /** A masked model learns: padded sequences whose class is the sign of their real steps' sum. */
    @Test
    void aMaskedModelLearns() {
        ComputationGraph net = net(SampleModels.maskedSequences());
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 64, 6, 3).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 64, 2);
        for (int n = 0; n < 64; n++) {
            int padding = n % 4;
            for (int t = 0; t < padding; t++) {
                x.get(NDArrayIndex.point(n), NDArrayIndex.point(t), NDArrayIndex.all()).assign(0);
            }
            y.putScalar(n, x.get(NDArrayIndex.point(n)).sumNumber().doubleValue() > 0 ? 0 : 1, 1);
        }
        var data = new org.nd4j.linalg.dataset.DataSet(x, y);
        double first = net.score(data);
        for (int i = 0; i < 200; i++) {
            net.fit(data);
        }
        assertTrue(net.score(data) < first * 0.5, "loss " + first + " → " + net.score(data));

        // Padded word indices through a GRU with both dropouts, as the window trains it (workspaces on).
        ComputationGraph words = net(SampleModels.maskedWords());
        INDArray tokens = Nd4j.rand(DataType.DOUBLE, 16, 8).muli(19).addi(1).castTo(DataType.INT32).castTo(DataType.DOUBLE);
        tokens.get(NDArrayIndex.interval(0, 8), NDArrayIndex.interval(0, 3)).assign(0);
        var wordData = new org.nd4j.linalg.dataset.DataSet(tokens, Nd4j.rand(DataType.DOUBLE, 16, 2));
        double before = words.score(wordData);
        for (int i = 0; i < 100; i++) {
            words.fit(wordData);
        }
        assertTrue(words.score(wordData) < before, "loss " + before + " → " + words.score(wordData));
    }

    @Test
    void whatCannotBeMaskedIsAProblemNamingTheLayers() {
        ModelBuilder rnn = new ModelBuilder();
        rnn.then("Input", Map.of("shape", List.of(6, 3)));
        rnn.then("Masking", Map.of());
        rnn.then("SimpleRNN", Map.of("units", 4));
        rnn.then("Dense", Map.of("units", 2));
        List<String> problems = ShapeInference.infer(rnn.graph()).problems().stream().map(Problem::message).toList();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("simple_rnn (SimpleRNN) would skip the steps that masking marks as padding"),
                problems.get(0));
        assertFalse(Dl4jCompiler.compile(rnn.graph(), SETTINGS).ok());

        ModelBuilder tagger = new ModelBuilder();
        tagger.then("Input", Map.of("shape", List.of(6)));
        tagger.then("Embedding", Map.of("input_dim", 10, "output_dim", 3, "mask_zero", true));
        tagger.then("LSTM", Map.of("units", 4, "return_sequences", true));
        tagger.then("Dense", Map.of("units", 2, "time_distributed", true));
        problems = ShapeInference.infer(tagger.graph()).problems().stream().map(Problem::message).toList();
        assertEquals(List.of("The padding mask from embedding reaches the output dense: Keras would leave the padded "
                + "steps out of the loss, which NeuralCanvas cannot yet. End the sequence before the output (an LSTM "
                + "or GRU without return_sequences, or GlobalAveragePooling1D), or turn the mask off in embedding."),
                problems);

        // Flatten drops the mask (as Keras 3 does): nothing after it is masked, nothing to say.
        ModelBuilder flat = new ModelBuilder();
        flat.then("Input", Map.of("shape", List.of(6)));
        flat.then("Embedding", Map.of("input_dim", 10, "output_dim", 3, "mask_zero", true));
        flat.then("Flatten", Map.of());
        flat.then("Dense", Map.of("units", 2));
        assertEquals(List.of(), ShapeInference.infer(flat.graph()).problems());
    }
}
