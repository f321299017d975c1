package org.neuralcanvas.engine.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.text.ByteSizes;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.CompiledModel;

/**
 * A rough upper estimate of the native memory a model needs to train, checked before anything is
 * allocated so a model too big to fit is refused with a sentence rather than crashing the app or
 * paging for minutes. Counts 4-byte floats: weights, their gradients and the optimizer's state, plus
 * each layer's activations and their gradients for one batch. A model fits when it needs at most
 * {@link #MARGIN} of what is free: DL4J's workspaces and the data copy need the rest.
 *
 * @param bytes        estimated bytes to train
 * @param available    bytes that may still be allocated: the smaller of JavaCPP's limit (-Xmx by default, or
 *                     -Dorg.bytedeco.javacpp.maxbytes) less what ND4J holds, and the memory the system has free
 * @param largestLayer the layer that needs the most, for the sentence
 * @param largestBytes what it needs
 */
public record MemoryEstimate(long bytes, long available, String largestLayer, long largestBytes) {

    private static final Sentences SAY = EngineSentences.SAY;
    /** The share of free memory a model may plan to use. */
    static final double MARGIN = 0.8;

    public static MemoryEstimate of(CompiledModel model, int batchSize) {
        long max = Pointer.maxBytes();
        long javacpp = max > 0 ? Math.max(0, max - Pointer.totalBytes()) : Long.MAX_VALUE;
        return of(model, batchSize, Math.min(javacpp, systemAvailable()));
    }

    /** With the free memory given (tests). */
    static MemoryEstimate of(CompiledModel model, int batchSize, long available) {
        var optimizer = model.settings().optimizer();
        // SGD keeps a velocity only with momentum.
        int stateCopies = Math.max(optimizer.kind().stateCopies(), optimizer.momentum() > 0 ? 1 : 0);
        long bytes = 0;
        String largest = "";
        long largestBytes = -1;
        for (NodeResult r : model.inference().order()) {
            long layer = 4L * (r.params().total() * (2 + stateCopies) + 3L * batchSize * r.outputShape().size());
            bytes += layer;
            if (layer > largestBytes) {
                largestBytes = layer;
                largest = r.node().name() + " (" + r.node().kind().kerasName() + ")";
            }
        }
        return new MemoryEstimate(bytes, available, largest, Math.max(0, largestBytes));
    }

    /**
     * What the operating system can give without swapping: Linux's MemAvailable (free memory plus what the page
     * cache would give back), elsewhere the free physical memory; unlimited where neither can be read.
     */
    static long systemAvailable() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: ask the JVM
        }
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize() > 0 ? os.getFreeMemorySize() : Long.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    public boolean fits() {
        return bytes <= available * MARGIN;
    }

    /** The refusal, when it does not fit: naming the layer where one layer alone is too much. */
    public String refusal(int batchSize) {
        long usable = (long) (available * MARGIN);
        if (largestBytes > usable) {
            return SAY.say("memory.refusal.layer", largestLayer, ByteSizes.human(largestBytes), String.valueOf(batchSize),
                    ByteSizes.human(usable));
        }
        return SAY.say("memory.refusal", ByteSizes.human(bytes), String.valueOf(batchSize), ByteSizes.human(usable));
    }
}
