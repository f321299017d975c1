package org.neuralcanvas.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;

/**
 * How long the exporters take on small and large graphs (median of 7 runs after warm-up).
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.neuralcanvas.export.ExportBench}
 */
public final class ExportBench {

    private ExportBench() {
    }

    public static void main(String[] args) {
        SvgDiagramExporter svg = new SvgDiagramExporter();
        PngDiagramRenderer png = new PngDiagramRenderer();
        KerasCodeExporter keras = new KerasCodeExporter();
        System.out.println("graph                      layers   svg ms   png ms  keras ms  svg KB");
        Map<String, ModelGraph> graphs = new LinkedHashMap<>();
        graphs.put("mnist-cnn", ExportTemplates.mnistCnn().graph());
        graphs.put("functional-merge", ExportTemplates.functionalMerge().graph());
        graphs.put("chain of 200 Dense", chain(200));
        graphs.put("20 branches x 5 + Concat", branches(20, 5));
        for (int i = 0; i < 20; i++) {
            graphs.values().forEach(svg::export); // warm up ELK and the JIT
        }
        for (var e : graphs.entrySet()) {
            ModelGraph g = e.getValue();
            Project p = new Project(g, TrainingSettings.defaults(), DatasetChoice.none(), List.of());
            double svgMs = median(() -> svg.export(g));
            double pngMs = median(() -> png.render(g, 2.0));
            double kerasMs = median(() -> keras.export(p, "bench"));
            System.out.printf(Locale.ROOT, "%-26s %6d %8.1f %8.1f %9.1f %7d%n", e.getKey(), g.nodes().size(), svgMs,
                    pngMs, kerasMs, svg.export(g).length() / 1024);
        }
    }

    static ModelGraph chain(int layers) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(64)));
        for (int i = 0; i < layers; i++) {
            b.then("Dense", Map.of("units", 64, "activation", "relu"));
        }
        return b.graph();
    }

    static ModelGraph branches(int count, int depth) {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(32)));
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String x = in;
            for (int d = 0; d < depth; d++) {
                x = b.add("Dense", Map.of("units", 16), x);
            }
            ends.add(x);
        }
        b.add("Concatenate", Map.of(), ends.toArray(String[]::new));
        return b.graph();
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
