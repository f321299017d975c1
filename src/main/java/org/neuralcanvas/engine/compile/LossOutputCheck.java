package org.neuralcanvas.engine.compile;

import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.project.LossKind;
import org.neuralcanvas.project.Losses;
import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.engine.EngineSentences;

/**
 * The loss against what the output layer gives, before anything is built: a 10-way softmax with
 * binary_crossentropy, or a single output with categorical_crossentropy, trains into nonsense or
 * fails inside DL4J with a message about array shapes. Each gives a sentence with the fix. The compiler checks it,
 * and the Train panel before Train is pressed (it needs the inferred shapes only).
 */
public final class LossOutputCheck {

    private LossOutputCheck() {
    }

    /** The sentences for each output the loss does not fit; empty when all fit (or the shapes are not known yet). */
    public static List<String> problems(ModelGraph graph, InferenceResult inference, String loss) {
        List<String> out = new ArrayList<>();
        for (NodeResult r : inference.order()) {
            LayerNode node = r.node();
            if (node.kind().isInput() || !graph.outgoing(node.id()).isEmpty() || r.outputShape() == null) {
                continue;
            }
            int width = r.outputShape().last();
            String activation = activationOf(node);
            var kind = Losses.find(loss);
            boolean categorical = kind.map(k -> k.task() == LossKind.Task.MULTICLASS).orElse(false);
            if (kind.map(k -> k == Losses.BINARY_CROSSENTROPY).orElse(false) && "softmax".equals(activation) && width > 1) {
                out.add(EngineSentences.SAY.say("loss.binaryOnSoftmax", node.name(), String.valueOf(width)));
            } else if (categorical && width == 1) {
                out.add(EngineSentences.SAY.say("loss.categoricalOnOne", node.name(), loss));
            }
        }
        return out;
    }

    private static String activationOf(LayerNode node) {
        if (node.kind().kerasName().equals("Softmax")) {
            return "softmax";
        }
        Object a = node.params().get(ParamKeys.ACTIVATION);
        return a == null ? "linear" : a.toString();
    }
}
