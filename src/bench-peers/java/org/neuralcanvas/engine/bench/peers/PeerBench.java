package org.neuralcanvas.engine.bench.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neuralcanvas.engine.backend.BackendInfo;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.bench.BenchRuns;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How far our engine is from PyTorch on the CPU: three Keras tutorial models (mnist_mlp,
 * mnist_cnn, lstm_sequences) trained through our engine and through PyTorch (DJL) in one JVM,
 * on the same arrays, batches and thread count, and printed as milliseconds per training step
 * and their ratio. One run, because on a shared machine two runs never see the same machine;
 * rounds alternate who goes first (ours in odd rounds), because the machine drifts within a round.
 *
 * <p>Run: {@code scripts/bench.sh peers [--rounds 3] [--cnn-steps 20] [--lstm-steps 100]
 * [--models mlp,cnn,lstm]}. Built only with the {@code peers} Maven profile (pom.xml says why).
 */
public final class PeerBench {

    private static final long SEED = 42;

    private PeerBench() {
    }

    public static void main(String[] args) {
        // Before anything touches ND4J: it picks the native build this processor runs.
        Backends backends = new Backends();
        backends.ensureSelected();
        int rounds = intArg(args, "--rounds", 3);
        int cnnSteps = intArg(args, "--cnn-steps", 20);
        int lstmSteps = intArg(args, "--lstm-steps", 100);
        List<String> models = Arrays.asList(stringArg(args, "--models", "mlp,cnn,lstm").split(","));

        BackendInfo info = backends.describe();
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        // PyTorch gets what ND4J has: a ratio between differently threaded runs says nothing.
        // One inter-op thread: these models have no independent branches to run side by side.
        TorchSide.configureThreads(threads, 1);
        String torch = TorchSide.describe();
        System.out.println("Ours:    " + info.summary() + (info.hasNotice() ? " — " + info.notice() : ""));
        System.out.printf(Locale.ROOT, "         ND4J %d threads (OpenMP %d, %s %d), native env %s%n", threads,
                info.ompThreads(), info.blasVendor(), info.blasThreads(), info.nativeEnv());
        System.out.println("PyTorch: " + torch);
        // One process, one environment: PyTorch's OpenMP (its own libgomp) also starts under the
        // native settings Backends made for ND4J, OMP_WAIT_POLICY=PASSIVE among them. It has to:
        // with ACTIVE, the idle framework's threads spin and take the two cores from the busy
        // one (measured: ours 5-10x and PyTorch 2-6x slower).
        System.out.println("         (same process: PyTorch's OpenMP runs under the native env above)");
        if (TorchSide.intraOpThreads() != threads || TorchSide.interOpThreads() != 1) {
            System.out.printf(Locale.ROOT, "WARNING: PyTorch runs %d intra-op / %d inter-op threads, "
                    + "not the %d / 1 asked for%n", TorchSide.intraOpThreads(), TorchSide.interOpThreads(), threads);
        }
        System.out.printf(Locale.ROOT, "%d round(s) per model, order alternating (ours first in odd rounds), "
                + "each after one untimed pass of both; ratio = median of the rounds' ours/pytorch%n", rounds);

        PeerCases cases = new PeerCases();
        List<String> lines = new ArrayList<>();
        for (String m : models) {
            PeerCase c = switch (m.trim()) {
                case "mlp" -> cases.mlp();
                case "cnn" -> cases.cnn(cnnSteps);
                case "lstm" -> cases.lstm(lstmSteps);
                default -> throw new IllegalArgumentException("Unknown model " + m + " (mlp, cnn, lstm)");
            };
            System.out.printf(Locale.ROOT, "%s: template %s, %d steps of %d, data: %s%n", c.key(), c.templateId(),
                    c.steps(), c.batchSize(), c.dataNote());
            String line = compare(c, rounds);
            System.out.println(line);
            lines.add(line);
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static String compare(PeerCase c, int rounds) {
        List<Double> ours = new ArrayList<>();
        List<Double> torch = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        StringBuilder perRound = new StringBuilder();
        try (OursSide o = new OursSide(c); TorchSide t = new TorchSide(c, SEED)) {
            o.warmUp();
            t.warmUp();
            System.out.printf(Locale.ROOT, "  %s warm-up pass: loss ours %.4f, pytorch %.4f%n", c.key(),
                    o.lastMeanLoss(), t.lastMeanLoss());
            for (int r = 1; r <= rounds; r++) {
                double oursMs;
                double torchMs;
                if (r % 2 == 1) {
                    BenchRuns.settle();
                    oursMs = o.timePass();
                    BenchRuns.settle();
                    torchMs = t.timePass();
                } else {
                    BenchRuns.settle();
                    torchMs = t.timePass();
                    BenchRuns.settle();
                    oursMs = o.timePass();
                }
                ours.add(oursMs);
                torch.add(torchMs);
                ratios.add(oursMs / torchMs);
                perRound.append(r == 1 ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%.1f/%.1f", oursMs, torchMs));
                System.out.printf(Locale.ROOT, "  %s round %d: ours %.2f ms/step (loss %.4f), "
                        + "pytorch %.2f ms/step (loss %.4f)%n", c.key(), r, oursMs, o.lastMeanLoss(), torchMs,
                        t.lastMeanLoss());
            }
        }
        return String.format(Locale.ROOT, "%-5s ours %.1f ms/step   pytorch %.1f ms/step   ours/pytorch %.2f   "
                + "(rounds: %s)", c.key(), BenchRuns.median(ours), BenchRuns.median(torch), BenchRuns.median(ratios),
                perRound);
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
