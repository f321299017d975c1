package org.neuralcanvas.engine.train;

import org.bytedeco.javacpp.Pointer;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.CompiledModel;

/**
 * A rough upper estimate of the native memory a model needs to train, checked before anything is
 * allocated so a model too big to fit is refused with a sentence rather than crashing the app.
 * Counts 4-byte floats: weights, their gradients and the optimizer's state, plus each layer's
 * activations and their gradients for one batch, with room for DL4J's workspaces.
 *
 * @param bytes     estimated bytes to train
 * @param available bytes ND4J may still allocate (JavaCPP's limit, -Xmx by default, or -Dorg.bytedeco.javacpp.maxbytes)
 */
public record MemoryEstimate(long bytes, long available) {

    private static final Sentences SAY = EngineSentences.SAY;

    public static MemoryEstimate of(CompiledModel model, int batchSize) {
        long params = model.paramCount();
        long activations = 0;
        for (NodeResult r : model.inference().order()) {
            activations += r.outputShape().size();
        }
        int stateCopies = switch (model.settings().optimizer().name()) {
            case "sgd" -> model.settings().optimizer().momentum() > 0 ? 1 : 0;
            case "rmsprop", "adagrad" -> 1;
            default -> 2;
        };
        long bytes = 4L * (params * (2 + stateCopies) + 3L * batchSize * activations);
        long max = Pointer.maxBytes();
        long available = max > 0 ? Math.max(0, max - Pointer.totalBytes()) : Long.MAX_VALUE;
        return new MemoryEstimate(bytes, available);
    }

    public boolean fits() {
        return bytes <= available;
    }

    /** "1.3 GB", "820 MB". */
    public static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(java.util.Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }

    /** The refusal, when it does not fit. */
    public String refusal(int batchSize) {
        return SAY.say("memory.refusal", human(bytes), String.valueOf(batchSize), human(available));
    }
}
