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
final class RecurrentMappings {

    private RecurrentMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        m.put("LSTM", b -> b.addLayer(lstm(b.node())));
        m.put("SimpleRNN", b -> b.addLayer(lastStepUnless(b.params(), cell(b.node(), "SimpleRNN"))));
        m.put("GRU", b -> {
            // Checked here so that an activation DL4J lacks is a sentence, not a failure inside the layer.
            Dl4jLayers.activation(b.node(), b.param(ACTIVATION));
            Dl4jLayers.activation(b.node(), gateActivation(b.params()));
            KerasGru gru = new KerasGru(b.param(UNITS), b.param(RETURN_SEQUENCES), b.param(ACTIVATION),
                    gateActivation(b.params()), b.param(RESET_AFTER));
            gru.setRecurrentDropout(b.param(RECURRENT_DROPOUT));
            return b.addLayer(withDropout(gru, b.params(), 1));
        });
        m.put("Bidirectional", b -> {
            // The last step of each direction, as Keras takes it: the backward half's is its state after the
            // whole reversed sequence. (A last step of the merged sequences would take the backward half after
            // reading one step only.)
            Layer inner = lastStepUnless(b.params(), cell(b.node(), b.param(LAYER)));
            return b.addLayer(new Bidirectional(mergeMode(b.param(MERGE_MODE)), inner));
        });
    }

    /**
     * An LSTM as one fused native op ({@link FusedLstm}), or DL4J's own layer where the op lacks an activation.
     * Inside Bidirectional the cell stays DL4J's (its wrapper needs a DL4J recurrent layer).
     */
    private static Layer lstm(LayerNode node) {
        LayerParams p = node.params();
        String gate = gateActivation(p);
        Dl4jLayers.activation(node, p.get(ACTIVATION));
        Dl4jLayers.activation(node, gate);
        var act = FusedLstm.activationOf(p.get(ACTIVATION));
        var gateAct = FusedLstm.activationOf(gate);
        if (act == null || gateAct == null || "false".equalsIgnoreCase(System.getProperty(FusedLstm.PROPERTY))) {
            return lastStepUnless(p, cell(node, "LSTM"));
        }
        return withDropout(new FusedLstm(p.get(UNITS), p.get(RETURN_SEQUENCES), act, gateAct), p, 1);
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
