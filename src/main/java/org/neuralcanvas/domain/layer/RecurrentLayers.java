package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.DROPOUT;
import static org.neuralcanvas.domain.layer.ParamKeys.LAYER;
import static org.neuralcanvas.domain.layer.ParamKeys.MERGE_MODE;
import static org.neuralcanvas.domain.layer.ParamKeys.RECURRENT_ACTIVATION;
import static org.neuralcanvas.domain.layer.ParamKeys.RECURRENT_DROPOUT;
import static org.neuralcanvas.domain.layer.ParamKeys.RESET_AFTER;
import static org.neuralcanvas.domain.layer.ParamKeys.RETURN_SEQUENCES;
import static org.neuralcanvas.domain.layer.ParamKeys.UNITS;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.choiceParam;
import static org.neuralcanvas.domain.layer.ParamSpec.floatParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;

/** Declarations of SimpleRNN, LSTM, GRU and the Bidirectional wrapper. Input is (steps, features). */
final class RecurrentLayers {
    private static final Sentences SAY = Sentences.DOMAIN;

    private RecurrentLayers() {
    }

    static final LayerKind SIMPLE_RNN = new LayerKind("SimpleRNN", "simple_rnn", LayerCategory.RECURRENT,
            List.of(units(), Activations.param("tanh"), returnSequences(), dropout(), WeightSettings.trainable()), 1, 1,
            (name, in, p) -> rnnOutput(name, "SimpleRNN", in, p.get(UNITS), p.get(RETURN_SEQUENCES)),
            (in, out, p) -> ParamCount.trainable(cellWeights(1, in.get(0).last(), p.get(UNITS)))).mark("RNN")
            .masks(MaskUse.CANNOT_READ);

    static final LayerKind LSTM = new LayerKind("LSTM", "lstm", LayerCategory.RECURRENT,
            List.of(units(), Activations.param("tanh"),
                    choiceParam(RECURRENT_ACTIVATION, "sigmoid", Activations.NAMES).aka("inner_activation"),
                    returnSequences(), dropout(), recurrentDropout(), WeightSettings.trainable()), 1, 1,
            (name, in, p) -> rnnOutput(name, "LSTM", in, p.get(UNITS), p.get(RETURN_SEQUENCES)),
            (in, out, p) -> ParamCount.trainable(cellWeights(4, in.get(0).last(), p.get(UNITS)))).mark("LSTM")
            .masks(RecurrentLayers::readsMask);

    /**
     * GRU as Keras 3 and tf.keras define it (reset_after=True: the reset gate applies after the recurrent product,
     * and input and recurrent biases are separate): 3 × (units × (features + units)) + 2 × 3 × units weights.
     */
    static final LayerKind GRU = new LayerKind("GRU", "gru", LayerCategory.RECURRENT,
            List.of(units(), Activations.param("tanh"),
                    choiceParam(RECURRENT_ACTIVATION, "sigmoid", Activations.NAMES).aka("inner_activation"),
                    returnSequences(), boolParam(RESET_AFTER, true), dropout(), recurrentDropout(),
                    WeightSettings.trainable()), 1, 1,
            (name, in, p) -> rnnOutput(name, "GRU", in, p.get(UNITS), p.get(RETURN_SEQUENCES)),
            (in, out, p) -> {
                long units = p.get(UNITS);
                long biases = p.get(RESET_AFTER) ? 2 * 3 * units : 3 * units;
                return ParamCount.trainable(3 * units * (in.get(0).last() + units) + biases);
            }).mark("GRU").masks(RecurrentLayers::readsMask);

    /** The recurrent layers a Bidirectional wrapper may hold: the kinds above, by name (reset_after is a GRU's). */
    static final List<String> WRAPPABLE = List.of(LSTM.kerasName(), GRU.kerasName(), SIMPLE_RNN.kerasName());

    /**
     * Bidirectional(layer): {@code layer} names the wrapped kind, and units, activation and return_sequences are
     * that layer's arguments ({@link ParamSpec#ofWrapped()}); merge_mode is the wrapper's own.
     */
    static final LayerKind BIDIRECTIONAL = new LayerKind("Bidirectional", "bidirectional", LayerCategory.RECURRENT,
            List.of(choiceParam(LAYER, "LSTM", WRAPPABLE).required(), units().ofWrapped(),
                    Activations.param("tanh").ofWrapped(), returnSequences().ofWrapped(), dropout().ofWrapped(),
                    boolParam(RESET_AFTER, true).ofWrapped(),
                    choiceParam(MERGE_MODE, "concat", List.of("concat", "sum", "mul", "ave")), WeightSettings.trainable()),
            1, 1,
            (name, in, p) -> {
                int units = p.get(UNITS) * ("concat".equals(p.get(MERGE_MODE)) ? 2 : 1);
                return rnnOutput(name, "Bidirectional", in, units, p.get(RETURN_SEQUENCES));
            },
            (in, out, p) -> {
                long features = in.get(0).last();
                long units = p.get(UNITS);
                if (GRU.kerasName().equals(p.get(LAYER))) {
                    return ParamCount.trainable(2 * (3 * units * (features + units)
                            + (p.get(RESET_AFTER) ? 2 * 3 * units : 3 * units)));
                }
                int gates = LSTM.kerasName().equals(p.get(LAYER)) ? 4 : 1;
                return ParamCount.trainable(2 * cellWeights(gates, features, units));
            }).mark("Bi").masks(p -> GRU.kerasName().equals(p.get(LAYER)) ? readsMask(p) : MaskUse.CANNOT_READ);

    /** An LSTM or GRU skips padded steps; with return_sequences the steps it returns keep the mask. */
    private static MaskUse readsMask(LayerParams p) {
        return p.get(RETURN_SEQUENCES) ? MaskUse.READS_AND_PASSES : MaskUse.READS;
    }

    static List<LayerKind> all() {
        return List.of(SIMPLE_RNN, LSTM, GRU, BIDIRECTIONAL);
    }

    private static ParamSpec units() {
        return intParam(UNITS, 32, 1).required().aka("output_dim");
    }

    /** Keras's dropout of the layer's inputs while training, one mask for all steps (Keras 1: dropout_W). */
    private static ParamSpec dropout() {
        return floatParam(DROPOUT, 0.0, 0.0, 1.0, true).aka("dropout_W");
    }

    /** Keras's dropout of the state between steps while training, one mask for all steps (Keras 1: dropout_U). */
    private static ParamSpec recurrentDropout() {
        return floatParam(RECURRENT_DROPOUT, 0.0, 0.0, 1.0, true).aka("dropout_U");
    }

    private static ParamSpec returnSequences() {
        return boolParam(RETURN_SEQUENCES, false);
    }

    private static TensorShape rnnOutput(String name, String kind, List<TensorShape> in, int units,
                                         boolean returnSequences) throws ShapeException {
        TensorShape seq = ShapeChecks.requireRank(name, kind, in, 2,
                SAY.say("fix.recurrent"));
        return returnSequences ? TensorShape.of(seq.dim(0), units) : TensorShape.of(units);
    }

    /** Kernel, recurrent kernel and bias of each gate: gates × (units × (features + units) + units). */
    private static long cellWeights(int gates, long features, long units) {
        return gates * (units * (features + units) + units);
    }
}
