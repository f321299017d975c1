package org.neuralcanvas.domain.shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.neuralcanvas.domain.graph.Edge;
import java.util.List;
import java.util.Locale;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.ParamCount;

/**
 * Keras's {@code model.summary()}: a row per layer in topological order and the totals. For a
 * chain it omits the Input row and the "Connected to" column as Keras's Sequential summary
 * does; for a functional graph it shows both.
 */
public record ModelSummary(List<SummaryRow> rows, boolean functional, long totalParams, long trainableParams,
                           long nonTrainableParams) {

    public static ModelSummary of(ModelGraph graph, InferenceResult result) {
        // Adjacency once, so the summary stays linear in the size of the graph.
        Map<String, List<String>> inputs = new HashMap<>();
        Map<String, Integer> outputs = new HashMap<>();
        for (Edge e : graph.edges()) {
            inputs.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            outputs.merge(e.from(), 1, Integer::sum);
        }
        boolean functional = !isChain(graph, inputs, outputs);
        List<SummaryRow> rows = new ArrayList<>();
        ParamCount total = ParamCount.NONE;
        for (NodeResult r : result.order()) {
            if (!functional && r.node().kind().isInput()) {
                continue;
            }
            ParamCount p = r.params() == null ? ParamCount.NONE : r.params();
            total = total.plus(p);
            List<String> from = inputs.getOrDefault(r.node().id(), List.of()).stream()
                    .map(id -> graph.node(id).name() + "[0][0]").toList();
            rows.add(new SummaryRow(r.node().id(), r.node().name() + " (" + typeName(r) + ")",
                    r.known() ? r.outputShape().toString() : "?", p.total(), from));
        }
        return new ModelSummary(List.copyOf(rows), functional, total.total(), total.trainable(), total.nonTrainable());
    }

    /** Keras shows Input layers as InputLayer in summaries. */
    private static String typeName(NodeResult r) {
        return r.node().kind().isInput() ? "InputLayer" : r.node().kind().kerasName();
    }

    /** One Input followed by layers that each take the previous one's output and feed at most one layer. */
    private static boolean isChain(ModelGraph graph, Map<String, List<String>> inputs, Map<String, Integer> outputs) {
        long inputLayers = graph.nodes().stream().filter(n -> n.kind().isInput()).count();
        if (inputLayers != 1) {
            return false;
        }
        return graph.nodes().stream().allMatch(n -> outputs.getOrDefault(n.id(), 0) <= 1
                && inputs.getOrDefault(n.id(), List.of()).size() == (n.kind().isInput() ? 0 : 1));
    }

    /** The summary as Keras prints it. */
    public String toText(String modelName) {
        int[] widths = functional ? new int[] {32, 21, 12, 33} : new int[] {29, 26, 10};
        int lineWidth = 0;
        for (int w : widths) {
            lineWidth += w;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(modelName).append("\"\n");
        sb.append("_".repeat(lineWidth)).append('\n');
        appendRow(sb, widths, functional
                ? new String[] {" Layer (type)", "Output Shape", "Param #", "Connected to"}
                : new String[] {" Layer (type)", "Output Shape", "Param #"});
        sb.append("=".repeat(lineWidth)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow row = rows.get(i);
            List<String> from = row.connectedTo();
            String first = from.isEmpty() ? "[]" : from.get(0);
            appendRow(sb, widths, functional
                    ? new String[] {" " + row.layer(), row.outputShape(), Long.toString(row.params()), first}
                    : new String[] {" " + row.layer(), row.outputShape(), Long.toString(row.params())});
            for (int k = 1; k < from.size(); k++) {
                appendRow(sb, widths, new String[] {"", "", "", from.get(k)});
            }
            if (i < rows.size() - 1) {
                sb.append(functional ? "_".repeat(lineWidth) : "").append(functional ? "\n" : "\n");
            }
        }
        sb.append("=".repeat(lineWidth)).append('\n');
        sb.append("Total params: ").append(grouped(totalParams)).append('\n');
        sb.append("Trainable params: ").append(grouped(trainableParams)).append('\n');
        sb.append("Non-trainable params: ").append(grouped(nonTrainableParams)).append('\n');
        sb.append("_".repeat(lineWidth)).append('\n');
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, int[] widths, String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            int target = 0;
            for (int k = 0; k <= i; k++) {
                target += widths[k];
            }
            if (i < cells.length - 1) {
                line.append(" ".repeat(Math.max(1, target - line.length())));
            }
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** 7114 → "7,114", as Keras prints totals. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
