package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.choiceParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Declarations of SimpleRNN, LSTM and the Bidirectional wrapper. Input is (steps, features). */
final class RecurrentLayers {
    private static final Sentences SAY = Sentences.DOMAIN;


    /** The recurrent layers a Bidirectional wrapper may hold. */
    static final List<String> WRAPPABLE = List.of("LSTM", "SimpleRNN");

    private RecurrentLayers() {
    }

    static final LayerKind SIMPLE_RNN = new LayerKind("SimpleRNN", "simple_rnn", LayerCategory.RECURRENT,
            List.of(intParam("units", 32, 1), Activations.param("tanh"), boolParam("return_sequences", false)), 1, 1,
            (name, in, p) -> rnnOutput(name, "SimpleRNN", in, p.getInt("units"), p.getBool("return_sequences")),
            (in, out, p) -> ParamCount.trainable(cellWeights(1, in.get(0).last(), p.getInt("units"))));

    static final LayerKind LSTM = new LayerKind("LSTM", "lstm", LayerCategory.RECURRENT,
            List.of(intParam("units", 32, 1), Activations.param("tanh"),
                    choiceParam("recurrent_activation", "sigmoid", Activations.NAMES),
                    boolParam("return_sequences", false)), 1, 1,
            (name, in, p) -> rnnOutput(name, "LSTM", in, p.getInt("units"), p.getBool("return_sequences")),
            (in, out, p) -> ParamCount.trainable(cellWeights(4, in.get(0).last(), p.getInt("units"))));

    static final LayerKind BIDIRECTIONAL = new LayerKind("Bidirectional", "bidirectional", LayerCategory.RECURRENT,
            List.of(choiceParam("layer", "LSTM", WRAPPABLE), intParam("units", 32, 1),
                    boolParam("return_sequences", false),
                    choiceParam("merge_mode", "concat", List.of("concat", "sum", "mul", "ave"))), 1, 1,
            (name, in, p) -> {
                int units = p.getInt("units") * ("concat".equals(p.getString("merge_mode")) ? 2 : 1);
                return rnnOutput(name, "Bidirectional", in, units, p.getBool("return_sequences"));
            },
            (in, out, p) -> {
                int gates = "LSTM".equals(p.getString("layer")) ? 4 : 1;
                return ParamCount.trainable(2 * cellWeights(gates, in.get(0).last(), p.getInt("units")));
            });

    static List<LayerKind> all() {
        return List.of(SIMPLE_RNN, LSTM, BIDIRECTIONAL);
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
