package org.neuralcanvas.engine.compile;

import static org.neuralcanvas.domain.layer.ParamKeys.ACTIVATION;
import static org.neuralcanvas.domain.layer.ParamKeys.DROPOUT;
import static org.neuralcanvas.domain.layer.ParamKeys.LAYER;
import static org.neuralcanvas.domain.layer.ParamKeys.MERGE_MODE;
import static org.neuralcanvas.domain.layer.ParamKeys.RECURRENT_ACTIVATION;
import static org.neuralcanvas.domain.layer.ParamKeys.RECURRENT_DROPOUT;
import static org.neuralcanvas.domain.layer.ParamKeys.RESET_AFTER;
import static org.neuralcanvas.domain.layer.ParamKeys.RETURN_SEQUENCES;
import static org.neuralcanvas.domain.layer.ParamKeys.UNITS;

import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerParams;

/**
 * DL4J mappings of the recurrent layers. Each recurrent kind has one cell builder here ({@link #cell}), used on
 * its own and inside Bidirectional; a kind without one is refused by name rather than built as another cell.
 */
public final class RecurrentMappings {

    private RecurrentMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        // A masked LSTM or GRU reads its input with the mask appended (NodeBuild.withMaskAppended).
        m.put("LSTM", b -> b.masked() ? b.withMaskAppended().addLayer(lstm(b.node(), true)) : b.addLayer(lstm(b.node(), false)));
        m.put("SimpleRNN", b -> b.addLayer(lastStepUnless(b.params(), cell(b.node(), "SimpleRNN"))));
        m.put("GRU", b -> b.masked() ? b.withMaskAppended().addLayer(gru(b.node(), false, true))
                : b.addLayer(gru(b.node(), false, false)));
        m.put("Bidirectional", b -> {
            if ("GRU".equals(b.param(LAYER))) {
                return bidirectionalGru(b.masked() ? b.withMaskAppended() : b);
            }
            // The last step of each direction, as Keras takes it: the backward half's is its state after the
            // whole reversed sequence. (A last step of the merged sequences would take the backward half after
            // reading one step only.)
            Layer inner = lastStepUnless(b.params(), cell(b.node(), b.param(LAYER)));
            return b.addLayer(new Bidirectional(mergeMode(b.param(MERGE_MODE)), inner));
        });
    }

    /** Our GRU for the node (a GRU, or the GRU a Bidirectional holds), reading forwards or backwards. */
    private static KerasGru gru(LayerNode node, boolean backwards, boolean masked) {
        LayerParams p = node.params();
        // Checked here so that an activation DL4J lacks is a sentence, not a failure inside the layer.
        Dl4jLayers.activation(node, p.get(ACTIVATION));
        Dl4jLayers.activation(node, gateActivation(p));
        KerasGru gru = new KerasGru(p.get(UNITS), p.get(RETURN_SEQUENCES), p.get(ACTIVATION), gateActivation(p),
                !p.has(RESET_AFTER.name()) || p.get(RESET_AFTER));
        gru.setRecurrentDropout(p.has(RECURRENT_DROPOUT.name()) ? p.get(RECURRENT_DROPOUT) : 0);
        gru.setBackwards(backwards);
        gru.setMasked(masked);
        return withDropout(gru, p, 1);
    }

    /**
     * Bidirectional(GRU): DL4J's wrapper holds DL4J's own recurrent layers only, so the two halves are our GRUs side
     * by side, the backward one reading the steps last to first, joined as merge_mode says. Their weights are the
     * node's, under {@code __forward} and {@code __backward} (NodeParams joins them).
     */
    private static Dl4jVertex bidirectionalGru(NodeBuild b) {
        String forward = b.name() + FORWARD;
        String backward = b.name() + BACKWARD;
        b.graph().addLayer(forward, b.withWeightSettings(gru(b.node(), false, b.masked())), b.inputs());
        b.graph().addLayer(backward, b.withWeightSettings(gru(b.node(), true, b.masked())), b.inputs());
        org.deeplearning4j.nn.conf.graph.GraphVertex join = switch (b.param(MERGE_MODE)) {
            case "sum" -> new ElementWiseVertex(ElementWiseVertex.Op.Add);
            case "mul" -> new ElementWiseVertex(ElementWiseVertex.Op.Product);
            case "ave" -> new ElementWiseVertex(ElementWiseVertex.Op.Average);
            default -> {
                MergeVertex concat = new MergeVertex();
                concat.setMergeAxis(b.outShape().rank()); // the last axis, channels-last
                yield concat;
            }
        };
        b.graph().addVertex(b.name(), join, forward, backward);
        return Dl4jVertex.of(b.name());
    }

    /** The DL4J names of a Bidirectional GRU's halves, after the node's name. */
    public static final String FORWARD = "__forward";
    public static final String BACKWARD = "__backward";

    /**
     * An LSTM as one fused native op ({@link FusedLstm}), or DL4J's own layer where the op lacks an activation.
     * Inside Bidirectional the cell stays DL4J's (its wrapper needs a DL4J recurrent layer).
     */
    private static Layer lstm(LayerNode node, boolean masked) {
        LayerParams p = node.params();
        String gate = gateActivation(p);
        Dl4jLayers.activation(node, p.get(ACTIVATION));
        Dl4jLayers.activation(node, gate);
        var act = FusedLstm.activationOf(p.get(ACTIVATION));
        var gateAct = FusedLstm.activationOf(gate);
        boolean recurrentDropout = p.has(RECURRENT_DROPOUT.name()) && p.get(RECURRENT_DROPOUT) > 0;
        if (recurrentDropout && (act == null || gateAct == null)) {
            throw new UnsupportedOperationException(node.name() + " (LSTM) has recurrent_dropout with an activation "
                    + "NeuralCanvas computes only in DL4J's own LSTM, which has no recurrent dropout. Use tanh and "
                    + "sigmoid, or set recurrent_dropout to 0.");
        }
        if (masked && (act == null || gateAct == null)) {
            throw new UnsupportedOperationException(node.name() + " (LSTM) reads a padding mask with an activation "
                    + "NeuralCanvas computes only in DL4J's own LSTM, which cannot skip padded steps. Use tanh and "
                    + "sigmoid, or turn the mask off.");
        }
        if (!recurrentDropout && !masked && (act == null || gateAct == null
                || "false".equalsIgnoreCase(System.getProperty(FusedLstm.PROPERTY)))) {
            return lastStepUnless(p, cell(node, "LSTM"));
        }
        FusedLstm fused = new FusedLstm(p.get(UNITS), p.get(RETURN_SEQUENCES), act, gateAct);
        fused.setRecurrentDropout(p.has(RECURRENT_DROPOUT.name()) ? p.get(RECURRENT_DROPOUT) : 0);
        fused.setMasked(masked);
        return withDropout(fused, p, 1);
    }

    /**
     * The layer with Keras's input dropout, one mask for all steps ({@link TimeSharedDropout}), which it applies to
     * [batch, steps, features] ({@code stepsAxis} 1) or, as DL4J's LSTM does, to [batch, features, steps] (2).
     */
    private static <L extends Layer> L withDropout(L layer, LayerParams p, int stepsAxis) {
        double rate = p.has(DROPOUT.name()) ? p.get(DROPOUT) : 0;
        if (rate > 0) {
            layer.setIDropout(new TimeSharedDropout(rate, stepsAxis));
        }
        return layer;
    }

    /** DL4J's cell for a recurrent kind, with the node's units and activation. */
    private static Layer cell(LayerNode node, String kind) {
        LayerParams p = node.params();
        var act = Dl4jLayers.activation(node, p.get(ACTIVATION));
        return switch (kind) {
            case "LSTM" -> withDropout(new LSTM.Builder()
                    .gateActivationFunction(Dl4jLayers.activation(node, gateActivation(p)))
                    .nOut(p.get(UNITS)).activation(act).dataFormat(RNNFormat.NWC).build(), p, 2);
            case "SimpleRNN" -> withDropout(new SimpleRnn.Builder().nOut(p.get(UNITS)).activation(act)
                    .dataFormat(RNNFormat.NWC).build(), p, 1);
            default -> throw new UnsupportedOperationException(node.name() + " wraps a " + kind
                    + ", which has no DL4J cell here. Wrap an LSTM or a SimpleRNN.");
        };
    }

    private static String gateActivation(LayerParams p) {
        return p.has(RECURRENT_ACTIVATION.name()) ? p.get(RECURRENT_ACTIVATION) : "sigmoid";
    }

    private static Layer lastStepUnless(LayerParams p, Layer recurrent) {
        return p.get(RETURN_SEQUENCES) ? recurrent : new LastTimeStep(recurrent);
    }

    private static Bidirectional.Mode mergeMode(String kerasMode) {
        return switch (kerasMode) {
            case "sum" -> Bidirectional.Mode.ADD;
            case "mul" -> Bidirectional.Mode.MUL;
            case "ave" -> Bidirectional.Mode.AVERAGE;
            default -> Bidirectional.Mode.CONCAT;
        };
    }
}
