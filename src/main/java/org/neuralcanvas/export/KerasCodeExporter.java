package org.neuralcanvas.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.export.keras.KerasDatasetCode;
import org.neuralcanvas.export.keras.KerasFoldCode;
import org.neuralcanvas.export.keras.KerasLayerCode;
import org.neuralcanvas.export.keras.PythonSyntax;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.OptimizerParam;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;

/**
 * A runnable Python script that builds, compiles and trains the project's model with Keras:
 * {@code keras.Sequential} where the graph is a chain, the functional API otherwise; each
 * layer with its name and non-default parameters; {@code compile} and {@code fit} from the
 * training settings; the data from {@code keras.datasets} where one matches. Pure: project in,
 * text out.
 */
public final class KerasCodeExporter {

    public String export(Project project, String modelName) {
        ModelGraph graph = project.graph();
        TrainingSettings settings = project.settings();
        InferenceResult inference = ShapeInference.infer(graph);
        List<LayerNode> order = inference.order().stream().map(NodeResult::node).toList();
        if (order.isEmpty()) {
            order = graph.nodes(); // a cycle: write the layers anyway; Keras will say where
        }
        List<LayerNode> inputs = order.stream().filter(n -> n.kind().isInput()).toList();
        List<LayerNode> outputs = order.stream().filter(n -> !n.kind().isInput() && graph.outgoing(n.id()).isEmpty()).toList();

        StringBuilder py = new StringBuilder();
        py.append("\"\"\"").append(modelName).append(": exported from NeuralCanvas.\n\n")
                .append("Builds, compiles and trains the model with Keras (TensorFlow 2.x or Keras 3):\n")
                .append("    python ").append(PythonSyntax.identifier(modelName)).append(".py\n\"\"\"\n");
        py.append("import numpy as np\nimport keras\nfrom keras import layers\n\n");
        py.append("keras.utils.set_random_seed(").append(settings.seed()).append(")\n\n");
        if (!inference.isValid()) {
            py.append("# NeuralCanvas found problems in this model; Keras will stop where they are:\n");
            inference.problems().forEach(p -> py.append("#   ").append(p.message()).append('\n'));
            py.append('\n');
        }

        py.append("# Data\n");
        KerasDatasetCode.DataCode data = KerasDatasetCode.of(project.dataset(), graph, inputs,
                shapes(inputs, inference), shapes(outputs, inference), settings.loss());
        data.lines().forEach(line -> py.append(line).append('\n'));
        StringBuilder model = new StringBuilder();
        if (graph.isChain(order) && order.stream().allMatch(KerasLayerCode::fitsSequential)) {
            sequential(model, order, modelName);
        } else {
            functional(model, graph, order, inputs, outputs, modelName);
        }
        if (settings.validation().isKFold()) {
            // Each fold trains a new model from the same drawing, so the model is built by a function, as in the notes.
            compile(model, settings);
            py.append("\n# Model: a new one for each fold\ndef build_model():\n");
            model.toString().lines().forEach(line -> py.append(line.isEmpty() ? "" : "    " + line).append('\n'));
            py.append("    return model\n\n\nbuild_model().summary()\n\n");
            KerasFoldCode.append(py, settings, callbackLines(py, settings), data.hasTest());
            return py.toString();
        }
        py.append("\n# Model\n").append(model);
        py.append("model.summary()\n\n");
        compile(py, settings);
        py.append('\n');
        fit(py, settings, callbackLines(py, settings), data.hasTest());
        return py.toString();
    }

    private static void sequential(StringBuilder py, List<LayerNode> order, String modelName) {
        py.append("model = keras.Sequential([\n");
        for (LayerNode node : order) {
            py.append("    ").append(KerasLayerCode.constructor(node)).append(",\n");
        }
        py.append("], name=").append(PythonSyntax.string(modelName)).append(")\n");
    }

    private static void functional(StringBuilder py, ModelGraph graph, List<LayerNode> order, List<LayerNode> inputs,
                                    List<LayerNode> outputs, String modelName) {
        Map<String, String> variables = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (LayerNode node : order) {
            String v = PythonSyntax.identifier(node.name());
            while (!taken.add(v)) {
                v = v + "_";
            }
            variables.put(node.id(), v);
            List<String> from = graph.incoming(node.id()).stream().map(e -> variables.getOrDefault(e.from(), "None")).toList();
            String call = node.kind().isInput() ? "" : KerasLayerCode.call(node, from);
            py.append(v).append(" = ").append(KerasLayerCode.constructor(node)).append(call).append('\n');
        }
        py.append("model = keras.Model(inputs=").append(variableList(inputs, variables))
                .append(", outputs=").append(variableList(outputs, variables))
                .append(", name=").append(PythonSyntax.string(modelName)).append(")\n");
    }

    private static String variableList(List<LayerNode> nodes, Map<String, String> variables) {
        List<String> names = nodes.stream().map(n -> variables.get(n.id())).toList();
        return names.size() == 1 ? names.get(0) : "[" + String.join(", ", names) + "]";
    }

    private static void compile(StringBuilder py, TrainingSettings s) {
        py.append("model.compile(\n")
                .append("    optimizer=").append(optimizer(s.optimizer())).append(",\n")
                .append("    loss=").append(PythonSyntax.string(s.loss())).append(",\n")
                .append("    metrics=[").append(String.join(", ", s.metrics().stream().map(PythonSyntax::string).toList()))
                .append("],\n)\n");
    }

    /** Writes {@code callbacks = [...]} when there are any; whether it did. */
    private static boolean callbackLines(StringBuilder py, TrainingSettings s) {
        List<String> callbacks = callbacks(s.callbacks());
        if (!callbacks.isEmpty()) {
            py.append("callbacks = [\n");
            callbacks.forEach(c -> py.append("    ").append(c).append(",\n"));
            py.append("]\n");
        }
        return !callbacks.isEmpty();
    }

    private static void fit(StringBuilder py, TrainingSettings s, boolean callbacks, boolean hasTest) {
        py.append("history = model.fit(\n    x_train,\n    y_train,\n")
                .append("    epochs=").append(s.epochs()).append(",\n")
                .append("    batch_size=").append(s.batchSize()).append(",\n");
        if (s.validation().kind() == org.neuralcanvas.project.ValidationPlan.Kind.TEST_SET && hasTest) {
            py.append("    validation_data=(x_test, y_test),\n");
        } else if (s.validationSplit() > 0) {
            py.append("    validation_split=").append(PythonSyntax.number(s.validationSplit())).append(",\n");
        }
        if (!s.shuffle()) {
            py.append("    shuffle=False,\n");
        }
        if (callbacks) {
            py.append("    callbacks=callbacks,\n");
        }
        py.append(")\n");
        if (hasTest) {
            py.append("\nresults = model.evaluate(x_test, y_test)\nprint('test:', results)\n");
        }
    }

    /**
     * The optimizer as a Keras object: learning rate always, the other arguments it declares where they differ
     * from Keras's defaults.
     */
    public static String optimizer(OptimizerSettings o) {
        List<String> args = new ArrayList<>();
        // Keras 3 dropped `decay`; InverseTimeDecay with decay_steps=1 is the same lr / (1 + decay * step).
        args.add(o.decay() > 0
                ? "learning_rate=keras.optimizers.schedules.InverseTimeDecay(" + PythonSyntax.number(o.learningRate())
                        + ", decay_steps=1, decay_rate=" + PythonSyntax.number(o.decay()) + ")"
                : "learning_rate=" + PythonSyntax.number(o.learningRate()));
        for (OptimizerParam p : o.kind().params()) {
            Object value = o.value(p.name());
            if (p.name().equals("learning_rate") || p.name().equals("decay") || p.isDefault(value)) {
                continue;
            }
            args.add(p.name() + "=" + (value instanceof Boolean b ? (b ? "True" : "False")
                    : PythonSyntax.number(((Number) value).doubleValue())));
        }
        return "keras.optimizers." + o.kerasClassName() + "(" + String.join(", ", args) + ")";
    }

    private static List<String> callbacks(CallbackSettings c) {
        List<String> list = new ArrayList<>();
        if (c.earlyStopping().enabled()) {
            list.add("keras.callbacks.EarlyStopping(monitor=" + PythonSyntax.string(c.earlyStopping().monitor())
                    + ", patience=" + c.earlyStopping().patience()
                    + ", restore_best_weights=" + PythonSyntax.literal(c.earlyStopping().restoreBestWeights()) + ")");
        }
        if (c.reduceLrOnPlateau().enabled()) {
            var r = c.reduceLrOnPlateau();
            list.add("keras.callbacks.ReduceLROnPlateau(monitor=" + PythonSyntax.string(r.monitor()) + ", factor="
                    + PythonSyntax.number(r.factor()) + ", patience=" + r.patience() + ", min_lr="
                    + PythonSyntax.number(r.minLr()) + ")");
        }
        if (c.checkpoint().enabled()) {
            list.add("keras.callbacks.ModelCheckpoint('best.keras', monitor=" + PythonSyntax.string(c.checkpoint().monitor())
                    + ", save_best_only=" + PythonSyntax.literal(c.checkpoint().saveBestOnly()) + ")");
        }
        return list;
    }

    private static List<TensorShape> shapes(List<LayerNode> nodes, InferenceResult inference) {
        return nodes.stream().map(n -> inference.node(n.id()).map(NodeResult::outputShape).orElse(null)).toList();
    }

}
