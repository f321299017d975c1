package org.neuralcanvas.engine.bench.peers;

/**
 * One model of the comparison and the data both frameworks train on. The arrays are shared, not
 * copied per side, so neither side can train on other numbers than the other.
 *
 * @param key          short name printed in the results: mlp, cnn, lstm
 * @param templateId   the project template our side compiles (Templates)
 * @param batchSize    the template's batch size; PyTorch trains with the same
 * @param samples      samples per timed pass: every pass is the same batches in the same order
 * @param features     {@code samples} rows, each sample's values in row-major order
 * @param oursShape    one sample's shape as the engine takes it (channels last: 28x28x1, 8x16)
 * @param torchShape   one sample's shape as PyTorch takes it (channels first: 1x28x28). The
 *                     same flat order as {@code oursShape} here: MNIST has one channel, and
 *                     both LSTMs read [steps, features]
 * @param labels       one-hot, {@code samples} x {@code classes}
 * @param classes      output units
 * @param dataNote     where the data came from, for the header
 */
record PeerCase(String key, String templateId, int batchSize, int samples, float[] features, long[] oursShape,
                long[] torchShape, float[] labels, int classes, String dataNote) {

    /** Training steps per pass; the last batch may be short (MNIST: 468 of 128 and one of 96), on both sides. */
    int steps() {
        return (samples + batchSize - 1) / batchSize;
    }

    int featuresPerSample() {
        return features.length / samples;
    }
}
