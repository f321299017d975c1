package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running {@link KerasGru}: the input products of all steps as one matrix product, then the recurrence step by
 * step, and its gradient by backpropagation through time written out here (the layer test checks it against a
 * numerical gradient). What a step needs again for the gradient is kept from the forward pass while training.
 */
final class KerasGruLayer extends SameDiffLayer {

    /**
     * Per step, from the last forward pass in training: h before the step, gates, candidate and their inputs; the
     * "recurrent candidate" is h·Uh + b'h (reset after) or r ⊙ h (reset before, Keras 2.2's GRU).
     */
    private INDArray[] hPrev;
    private INDArray[] gatesPre;
    private INDArray[] gates;
    private INDArray[] candidatePre;
    private INDArray[] candidate;
    private INDArray[] recurrentCandidate;
    /** recurrent_dropout's mask for this batch (h is multiplied by it before every step), or null. */
    private INDArray recurrentMask;
    /** Keras's step mask of this batch, [batch, steps], when the layer is masked; else null. */
    private INDArray stepMask;

    KerasGruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private KerasGru gru() {
        return (KerasGru) layerConf();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (gru().isMasked() && MaskedSteps.carriesMask(input, gru().getNIn())) {
            INDArray[] split = MaskedSteps.split(input);
            stepMask = split[0];
            input = split[1]; // dropped below, the mask not
        }
        applyDropOutIfNecessary(training, workspaceMgr); // Keras's dropout: input with one mask for all steps
        // One libnd4j thread, as around the fused LSTM: its ops here work on [batch, units] arrays, where waking
        // a second thread for each op costs more than the op (3–17 s a step of the IMDB template, 0.3 s on one).
        return FusedLstmLayer.withoutPlatformHelpers(() -> forward(training, workspaceMgr));
    }

    private INDArray forward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray x = input.castTo(dataType).dup('c');
            long batch = x.size(0);
            long steps = x.size(1);
            long u = gru().getUnits();
            INDArray w = getParam(KerasGru.WEIGHTS);
            INDArray rw = getParam(KerasGru.RECURRENT_WEIGHTS);
            INDArray b = getParam(KerasGru.BIAS);
            boolean after = gru().isResetAfter();
            INDArray inputBias = b.getRow(0);
            INDArray recurrentBias = after ? b.getRow(1) : null;
            INDArray gateWeights = rw.get(cols(0, 2 * u));
            INDArray candidateWeights = rw.get(cols(2 * u, 3 * u));
            // x·W + b for every step at once: [batch·steps, 3u], viewed as [batch, steps, 3u].
            INDArray mx = x.reshape(batch * steps, x.size(2)).mmul(w).addiRowVector(inputBias).reshape(batch, steps, 3 * u);
            IActivation act = Dl4jActivations.function(gru().getActivation());
            IActivation rec = Dl4jActivations.function(gru().getRecurrentActivation());
            if (training) {
                hPrev = new INDArray[(int) steps];
                gatesPre = new INDArray[(int) steps];
                gates = new INDArray[(int) steps];
                candidatePre = new INDArray[(int) steps];
                candidate = new INDArray[(int) steps];
                recurrentCandidate = new INDArray[(int) steps];
            }
            INDArray h = Nd4j.zeros(dataType, batch, u);
            INDArray all = gru().isReturnSequences() ? Nd4j.create(dataType, batch, steps, u) : null;
            double rate = gru().getRecurrentDropout();
            // Keras's recurrent_dropout: the state the step reads (gates, candidate and the carried part alike) is
            // h times one mask for the whole sequence, scaled by 1/(1 − rate).
            recurrentMask = training && rate > 0
                    ? Nd4j.rand(dataType, batch, u).gt(rate).castTo(dataType).divi(1 - rate) : null;
            for (int i = 0; i < steps; i++) {
                int t = position(i, steps); // i-th step read; t its place in the sequence
                INDArray state = h;
                if (recurrentMask != null) {
                    h = h.mul(recurrentMask);
                }
                INDArray mxT = mx.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all());
                INDArray mh = after ? h.mmul(rw).addiRowVector(recurrentBias) : h.mmul(gateWeights);
                INDArray zrPre = mxT.get(cols(0, 2 * u)).add(mh.get(cols(0, 2 * u)));
                INDArray zr = rec.getActivation(zrPre.dup(), training);
                INDArray z = zr.get(cols(0, u));
                INDArray r = zr.get(cols(u, 2 * u));
                INDArray mhH;
                INDArray hhPre;
                if (after) {
                    mhH = mh.get(cols(2 * u, 3 * u)).dup();
                    hhPre = mxT.get(cols(2 * u, 3 * u)).add(r.mul(mhH));
                } else {
                    mhH = r.mul(h);
                    hhPre = mxT.get(cols(2 * u, 3 * u)).add(mhH.mmul(candidateWeights));
                }
                INDArray hh = act.getActivation(hhPre.dup(), training);
                // h = z ⊙ h + (1 − z) ⊙ ĥ = ĥ + z ⊙ (h − ĥ)
                INDArray next = hh.add(z.mul(h.sub(hh)));
                if (stepMask != null) {
                    next = MaskedSteps.keep(state, next, MaskedSteps.at(stepMask, t)); // a padded step keeps h
                }
                if (training) {
                    hPrev[i] = h;
                    gatesPre[i] = zrPre;
                    gates[i] = zr;
                    candidatePre[i] = hhPre;
                    candidate[i] = hh;
                    recurrentCandidate[i] = mhH;
                }
                h = next;
                if (all != null) {
                    all.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).assign(h);
                }
            }
            INDArray out = all != null ? all : h;
            return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, out);
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (hPrev == null) {
            activate(true, workspaceMgr);
        }
        INDArray dLdx = backpropDropOutIfPresent(FusedLstmLayer.withoutPlatformHelpers(() -> backward(epsilon)));
        if (stepMask != null) {
            dLdx = MaskedSteps.withMaskGradient(dLdx);
        }
        Gradient g = LayerInstances.gradientOf(gradients, gradTable);
        clearSteps();
        return new Pair<>(g, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dLdx));
    }

    /** Backpropagation through time; fills the gradient views and returns dL/dx. */
    private INDArray backward(INDArray epsilon) {
        INDArray dLdx;
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray x = input.castTo(dataType).dup('c');
            long batch = x.size(0);
            long steps = x.size(1);
            long features = x.size(2);
            long u = gru().getUnits();
            INDArray w = getParam(KerasGru.WEIGHTS);
            INDArray rw = getParam(KerasGru.RECURRENT_WEIGHTS);
            IActivation act = Dl4jActivations.function(gru().getActivation());
            IActivation rec = Dl4jActivations.function(gru().getRecurrentActivation());
            boolean after = gru().isResetAfter();
            INDArray gateWeights = rw.get(cols(0, 2 * u));
            INDArray candidateWeights = rw.get(cols(2 * u, 3 * u));
            INDArray eps = epsilon.castTo(dataType);
            INDArray dmx = Nd4j.create(dataType, batch, steps, 3 * u);
            INDArray dRw = Nd4j.zeros(dataType, u, 3 * u);
            INDArray dRecurrentBias = Nd4j.zeros(dataType, 1, 3 * u);
            INDArray dhNext = Nd4j.zeros(dataType, batch, u);
            for (int t = (int) steps - 1; t >= 0; t--) {
                int at = position(t, steps); // t: the t-th step read, as the arrays above keep them; at: its place
                INDArray dh = dhNext;
                if (gru().isReturnSequences()) {
                    dh = dh.add(eps.get(NDArrayIndex.all(), NDArrayIndex.point(at), NDArrayIndex.all()));
                } else if (t == steps - 1) {
                    dh = dh.add(eps);
                }
                INDArray kept = null; // the part of dh that reaches the previous state past a padded step
                if (stepMask != null) {
                    INDArray m = MaskedSteps.at(stepMask, at);
                    kept = dh.mulColumnVector(m.rsub(1.0));
                    dh = dh.mulColumnVector(m);
                }
                INDArray z = gates[t].get(cols(0, u));
                INDArray r = gates[t].get(cols(u, 2 * u));
                INDArray dz = dh.mul(hPrev[t].sub(candidate[t]));
                INDArray dhh = dh.mul(z.rsub(1.0));
                INDArray dhPrev = dh.mul(z);
                INDArray dhhPre = act.backprop(candidatePre[t].dup(), dhh).getFirst();
                INDArray dzrPre;
                if (after) {
                    dzrPre = gateGradient(rec, t, dz, dhhPre.mul(recurrentCandidate[t]));
                    INDArray dmh = Nd4j.hstack(dzrPre, dhhPre.mul(r));
                    dRw.addi(hPrev[t].transpose().mmul(dmh));
                    dRecurrentBias.addi(dmh.sum(true, 0));
                    dhNext = dhPrev.addi(dmh.mmul(rw.transpose()));
                } else {
                    // ĥ's input (r ⊙ h)·Uh: its gradient reaches r and h; the gates read h·U[z, r].
                    INDArray dRh = dhhPre.mmul(candidateWeights.transpose());
                    dzrPre = gateGradient(rec, t, dz, dRh.mul(hPrev[t]));
                    dRw.get(cols(0, 2 * u)).addi(hPrev[t].transpose().mmul(dzrPre));
                    dRw.get(cols(2 * u, 3 * u)).addi(recurrentCandidate[t].transpose().mmul(dhhPre));
                    dhNext = dhPrev.addi(dzrPre.mmul(gateWeights.transpose())).addi(dRh.mul(r));
                }
                dmx.get(NDArrayIndex.all(), NDArrayIndex.point(at), NDArrayIndex.all()).assign(Nd4j.hstack(dzrPre, dhhPre));
                if (recurrentMask != null) {
                    dhNext.muli(recurrentMask); // from the dropped state back to the previous step's output
                }
                if (kept != null) {
                    dhNext.addi(kept);
                }
            }
            INDArray dmx2 = dmx.reshape(batch * steps, 3 * u);
            gradTable.get(KerasGru.WEIGHTS).assign(x.reshape(batch * steps, features).transpose().mmul(dmx2));
            gradTable.get(KerasGru.RECURRENT_WEIGHTS).assign(dRw);
            INDArray dB = gradTable.get(KerasGru.BIAS);
            dB.getRow(0).assign(dmx2.sum(0));
            if (gru().isResetAfter()) {
                dB.getRow(1).assign(dRecurrentBias.reshape(3 * u));
            }
            dLdx = dmx2.mmul(w.transpose()).reshape(batch, steps, features);
        }
        return dLdx;
    }

    /** Where the i-th step read lies in the sequence: i, or from the end for the backward half of a Bidirectional. */
    private int position(int i, long steps) {
        return gru().isBackwards() ? (int) steps - 1 - i : i;
    }

    /** dL/d(gate inputs) of step t from dL/dz and dL/dr: the gate activation's derivative at its input. */
    private INDArray gateGradient(IActivation rec, int t, INDArray dz, INDArray dr) {
        return rec.backprop(gatesPre[t].dup(), Nd4j.hstack(dz, dr)).getFirst();
    }

    @Override
    public void clear() {
        super.clear();
        clearSteps();
    }

    private void clearSteps() {
        recurrentMask = null;
        stepMask = null;
        hPrev = null;
        gatesPre = null;
        gates = null;
        candidatePre = null;
        candidate = null;
        recurrentCandidate = null;
    }

    private static INDArrayIndex[] cols(long from, long to) {
        return LayerInstances.columns(from, to);
    }
}
