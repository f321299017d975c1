package org.neuralcanvas.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.data.PreparedRun;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.main.AppContext;
import org.neuralcanvas.ui.main.MainWindow;
import org.neuralcanvas.ui.main.NeuralCanvasApp;
import org.neuralcanvas.ui.training.RunPhase;
import org.neuralcanvas.ui.training.TrainingFeature;
import org.neuralcanvas.ui.training.TrainingViewModel;

/**
 * What the live dashboard costs training: the MNIST MLP (784-512 relu-10 softmax, rmsprop,
 * batch 128, 1 epoch, no validation) trained headless and with the main window open, charts and
 * log updating; prints both times, their ratio, and the longest gap between two JavaFX pulses
 * during the dashboard run. Order: headless (warm-up), headless, dashboard, headless; the
 * headless figure is the mean of the two measured runs.
 *
 * <pre>
 * mvn -q -o compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * xvfb-run -s "-screen 0 1500x950x24" java -Xmx6g -Dorg.bytedeco.javacpp.platform.extension=-avx512 \
 *      -cp target/classes:$(cat cp.txt) org.neuralcanvas.ui.bench.DashboardOverheadBench
 * </pre>
 * (or headless with {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw} and the test classpath).
 */
public final class DashboardOverheadBench {

    private DashboardOverheadBench() {
    }

    /**
     * -Dbench.tracker=ping measures FX-thread latency with pings instead of an AnimationTimer;
     * -Dbench.tracker=none measures nothing (each tracker wakes threads that preempt the OpenMP
     * workers, so the overhead ratio is best taken without one).
     */
    private static final boolean PULSES = "pulse".equals(System.getProperty("bench.tracker", "pulse"));

    record Timing(double wallSeconds, double epochSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Template template = new Templates().find("mnist_mlp").orElseThrow();
        TrainingSettings settings = template.settings().withEpochs(1).withValidationSplit(0.0);
        BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());
        System.out.println("Backend: " + new Backends().describeInWords() + ", javacpp extension: "
                + System.getProperty("org.bytedeco.javacpp.platform.extension", "(none)"));
        PreparedRun run = data.prepare(template.dataset(), settings);
        System.out.printf(Locale.ROOT, "MNIST MLP, %s, batch %d, 1 epoch of %d batches; %d rounds of headless then dashboard%n",
                settings.optimizer().name(), settings.batchSize(), (60_000 + settings.batchSize() - 1) / settings.batchSize(), rounds);

        print("headless (warm-up)", headless(template, settings, run));
        Dashboard dashboard = new Dashboard(template, settings);
        print("dashboard (warm-up)", dashboard.run());
        List<Double> h = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Timing th = headless(template, settings, run);
            print("headless", th);
            Timing td = dashboard.run();
            print("dashboard", td);
            h.add(th.epochSeconds());
            d.add(td.epochSeconds());
        }
        if (rounds == 0) {
            System.exit(0);
        }
        double hm = median(h);
        double dm = median(d);
        System.out.printf(Locale.ROOT, "%nmedian epoch: headless %.2f s, dashboard %.2f s, ratio %.3f (goal <= 1.03)%n",
                hm, dm, dm / hm);
        System.out.printf(Locale.ROOT, "longest JavaFX pulse gap over the measured dashboard runs: %.1f ms (goal < 50 ms)%n",
                dashboard.longestGapMs);
        Platform.exit();
        System.exit(0);
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void print(String what, Timing t) {
        System.out.printf(Locale.ROOT, "%-20s epoch %.2f s, wall %.2f s%n", what, t.epochSeconds(), t.wallSeconds());
    }

    private static Timing headless(Template template, TrainingSettings settings, PreparedRun run) throws Exception {
        var compiled = Dl4jCompiler.compile(template.graph().get(), settings).model();
        try (TrainingSession session = new TrainingSession(compiled, run.trainingData(), e -> { }, null)) {
            long t0 = System.nanoTime();
            session.start().get();
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Timing(wall, session.model().history().stream().mapToDouble(EpochResult::seconds).sum());
        }
    }

    /** The main window with the training feature, on a real stage; each {@link #run} trains once from it. */
    private static final class Dashboard {
        private final TrainingFeature feature = TrainingFeature.standard();
        private final TrainingSettings settings;
        private final List<long[]> gaps = new ArrayList<>();
        private double longestGapMs;
        private int runs;
        private CountDownLatch ended;
        private long runningAt;
        private long endedAt;
        private AnimationTimer pulses;

        Dashboard(Template template, TrainingSettings settings) throws Exception {
            this.settings = settings;
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Path home = Files.createTempDirectory("nc-bench");
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                AppContext ctx = AppContext.of(new UserFiles(home), Runnable::run, null, null);
                ctx.addExtension(feature);
                MainWindow window = NeuralCanvasApp.open(ctx, new Stage());
                window.show();
                window.fileActions().newFromTemplate(template);
                TrainingViewModel vm = feature.viewModel();
                vm.setSettings(settings);
                pulses = new AnimationTimer() {
                    private long last;

                    @Override
                    public void handle(long now) {
                        if (last != 0 && runningAt != 0) {
                            gaps.add(new long[] {now - last, now - runningAt});
                        }
                        last = now;
                    }
                };
                if (PULSES) {
                    pulses.start();
                } else if (!"none".equals(System.getProperty("bench.tracker"))) {
                    startPings();
                }
                vm.phaseProperty().addListener((o, a, b) -> {
                    if (b == RunPhase.RUNNING && runningAt == 0) {
                        runningAt = System.nanoTime();
                    } else if ((b == RunPhase.EVALUATING || b == RunPhase.IDLE) && runningAt != 0 && endedAt == 0) {
                        endedAt = System.nanoTime();
                    }
                    if (b == RunPhase.IDLE && ended != null) {
                        ended.countDown();
                    }
                });
                shown.countDown();
            });
            shown.await();
            double before = uiCpuSeconds();
            Thread.sleep(3000);
            System.out.printf(Locale.ROOT, "    idle window: UI threads used %.2f s CPU in 3 s%n", uiCpuSeconds() - before);
        }

        /**
         * The other tracker: a background thread posts a ping to the FX thread every 10 ms and records how
         * late each one runs. It measures the same thing (how long the FX thread was unavailable) without
         * an AnimationTimer, which forces a pulse every frame and so adds load of its own.
         */
        private void startPings() {
            Thread t = new Thread(() -> {
                while (true) {
                    long posted = System.nanoTime();
                    Platform.runLater(() -> {
                        long now = System.nanoTime();
                        if (runningAt != 0) {
                            gaps.add(new long[] {now - posted, now - runningAt});
                        }
                    });
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fx-ping");
            t.setDaemon(true);
            t.start();
        }

        /** CPU seconds used so far by the UI's threads (JavaFX application and render threads). */
        private static double uiCpuSeconds() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null && (t.getThreadName().startsWith("JavaFX Application") || t.getThreadName().startsWith("QuantumRenderer"))) {
                    sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
                }
            }
            return sum / 1e9;
        }

        Timing run() throws Exception {
            double cpuBefore = uiCpuSeconds();
            ended = new CountDownLatch(1);
            runningAt = 0;
            endedAt = 0;
            Platform.runLater(() -> {
                gaps.clear();
                feature.viewModel().train();
            });
            if (!ended.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The dashboard run did not end.");
            }
            CountDownLatch read = new CountDownLatch(1);
            long[] worst = new long[2];
            int[] count = new int[1];
            Platform.runLater(() -> {
                for (long[] g : gaps) {
                    // Only gaps while training ran: from its start to its last event.
                    if (g[1] <= endedAt - runningAt && g[0] > worst[0]) {
                        worst[0] = g[0];
                        worst[1] = g[1];
                    }
                }
                count[0] = gaps.size();
                read.countDown();
            });
            read.await();
            List<EpochResult> history = feature.viewModel().runHistory();
            double epoch = history.stream().mapToDouble(EpochResult::seconds).sum();
            System.out.printf(Locale.ROOT, "    JavaFX %s: %d, longest gap %.1f ms at %.2f s into the run; UI threads used %.2f s CPU%n",
                    PULSES ? "pulses" : "pings", count[0], worst[0] / 1e6, worst[1] / 1e9, uiCpuSeconds() - cpuBefore);
            if (runs++ > 0) {
                longestGapMs = Math.max(longestGapMs, worst[0] / 1e6);
            }
            return new Timing((endedAt - runningAt) / 1e9, epoch);
        }
    }
}
