package org.neuralcanvas.ui.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.export.layout.LayeredLayout;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.canvas.CanvasCommands;
import org.neuralcanvas.ui.canvas.CanvasView;
import org.neuralcanvas.ui.canvas.NodeView;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Icons;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.document.MainViewModel;

/**
 * Canvas work at 500 layers: ELK layout, building the views, a full refresh (inference plus
 * every label and badge) and one edit's incremental update. Prints milliseconds.
 *
 * <p>Headless, as the tests run:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      -cp target/classes:$(cat cp.txt) org.neuralcanvas.ui.bench.CanvasBench [layers]
 * </pre>
 */
public final class CanvasBench {

    private CanvasBench() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ModelGraph graph = graph(size);
        System.out.printf("Graph: %d layers, %d connections%n", graph.nodeCount(), graph.edges().size());

        LayeredLayout layout = new LayeredLayout();
        double[] nodeSize = {NodeView.WIDTH, NodeView.HEIGHT};
        time("ELK layered layout (warm-up)", 1, () -> layout.layout(graph, n -> nodeSize));
        time("ELK layered layout", 5, () -> layout.layout(graph, n -> nodeSize));
        time("Shape inference", 20, () -> ShapeInference.infer(graph));

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        onFx(() -> {
            MainViewModel vm = new MainViewModel(new UserFiles(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "nc-bench")),
                    Runnable::run);
            CanvasView canvas = new CanvasView(vm, new I18n(java.util.Locale.ENGLISH), new Icons());
            CanvasCommands commands = new CanvasCommands(canvas);
            StackPane root = new StackPane(canvas);
            root.getStylesheets().add(CanvasBench.class.getResource("/org/neuralcanvas/ui/neuralcanvas.css").toExternalForm());
            Scene scene = new Scene(root, 1200, 800);
            Template t = new Template("bench", () -> graph, TrainingSettings.defaults(), DatasetChoice.none());
            time("Open (first, with class loading): views + CSS + layout", 1, () -> {
                vm.newFromTemplate(t);
                root.applyCss();
                root.layout();
            });
            time("Open: build all node and edge views + CSS + layout", 3, () -> {
                vm.newFromTemplate(t);
                root.applyCss();
                root.layout();
            });
            int[] first = {65};
            time("Edit the Input shape: re-infer, every count label changes", 20, () -> {
                vm.execute(ChangeNodeEdit.setParam(vm.document().graph(),
                        vm.document().graph().nodes().get(0).id(), "shape", List.of(first[0]++)));
                root.applyCss();
                root.layout();
            });
            time("Full refresh only: all labels/badges + CSS/layout", 20, () -> {
                canvas.refreshResults();
                root.applyCss();
                root.layout();
            });
            String last = vm.document().graph().nodes().get(size - 1).id();
            int[] units = {40};
            time("One edit (set units), incremental update", 20, () -> {
                vm.execute(ChangeNodeEdit.setParam(vm.document().graph(), last, "units", units[0]++));
                root.applyCss();
                root.layout();
            });
            time("Auto-layout as one undoable move (ELK + 500 node moves)", 3, () -> {
                commands.autoLayout();
                root.applyCss();
                root.layout();
            });
            time("Fit to view", 20, canvas::fitToView);
            return scene;
        });
        Platform.exit();
    }

    /** A deep model with branches: a Dense chain where every fifth layer also feeds a side branch joined by Add. */
    static ModelGraph graph(int size) {
        ModelBuilder b = new ModelBuilder();
        String x = b.add("Input", Map.of("shape", List.of(64)));
        int count = 1;
        while (count + 3 <= size) {
            String main = b.add("Dense", Map.of("units", 32, "activation", "relu"), x);
            String side = b.add("Dense", Map.of("units", 32, "activation", "tanh"), x);
            x = b.add("Add", Map.of(), main, side);
            count += 3;
        }
        while (count < size) {
            x = b.add("Dense", Map.of("units", 32), x);
            count++;
        }
        return b.graph();
    }

    private static void time(String what, int runs, Runnable work) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double min = ms.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        System.out.printf("%-62s mean %8.1f ms   min %8.1f ms   (%d runs)%n", what, mean, min, runs);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

}
