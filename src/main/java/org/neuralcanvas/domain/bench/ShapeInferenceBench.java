package org.neuralcanvas.domain.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;

/**
 * How long shape inference (plus the summary) takes on 1,000-node graphs, since it runs on
 * every edit. Goal: under 5 ms. Prints median and 99th-percentile times.
 *
 * <p>{@code mvn -q compile exec:java -Dexec.mainClass=org.neuralcanvas.domain.bench.ShapeInferenceBench}
 */
public final class ShapeInferenceBench {

    private ShapeInferenceBench() {
    }

    public static void main(String[] args) {
        report("chain of 1,000 layers (Input → 999 Dense)", chain(1000));
        report("1,000 layers in 100 residual blocks (Dense, Dense, Add …)", residualBlocks(1000));
    }

    static ModelGraph chain(int nodes) {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(64)));
        for (int i = 1; i < nodes; i++) {
            b.then("Dense", Map.of("units", 64, "activation", "relu"));
        }
        return b.graph();
    }

    static ModelGraph residualBlocks(int nodes) {
        ModelBuilder b = new ModelBuilder();
        String x = b.add("Input", Map.of("shape", List.of(64)));
        int count = 1;
        while (count + 3 <= nodes) {
            String a = b.add("Dense", Map.of("units", 64, "activation", "relu"), x);
            String c = b.add("Dense", Map.of("units", 64), a);
            x = b.add("Add", Map.of(), x, c);
            count += 3;
        }
        while (count < nodes) {
            x = b.add("Dense", Map.of("units", 64), x);
            count++;
        }
        return b.graph();
    }

    private static void report(String label, ModelGraph graph) {
        for (int i = 0; i < 300; i++) { // warm-up: let the JIT compile the hot paths
            run(graph);
        }
        int rounds = 500;
        double[] ms = new double[rounds];
        long checksum = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            checksum += run(graph);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-60s nodes=%d edges=%d  median %.3f ms  p99 %.3f ms  (goal < 5 ms)  [%d]%n",
                label, graph.nodeCount(), graph.edges().size(), ms[rounds / 2], ms[rounds * 99 / 100], checksum % 10);
    }

    private static long run(ModelGraph graph) {
        InferenceResult r = ShapeInference.infer(graph);
        return ModelSummary.of(graph, r).totalParams();
    }
}
