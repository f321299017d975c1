package org.neuralcanvas.engine.compile;

import java.util.Locale;
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
 * A {@link FusedLstm} with Keras's {@code recurrent_dropout}, which libnd4j's fused op has no place for: the same
 * parameters (Keras's layout and gate order i, f, c, o), computed step by step so that while training h is
 * multiplied by one dropout mask for the whole sequence before each recurrent product, as Keras's LSTM cell does.
 * Per step: z = x·W + h·U + b; c = σ(z_f) ⊙ c + σ(z_i) ⊙ act(z_c); h = σ(z_o) ⊙ act(c). Its backpropagation through
 * time is written out here (RecurrentDropoutTest checks it against a numerical gradient under fixed masks). It is
 * also the LSTM that reads Keras's step mask ({@link MaskedSteps}), which the fused op cannot.
 */
final class StepwiseLstmLayer extends SameDiffLayer {

    private INDArray[] hUsed;
    private INDArray[] cPrev;
    private INDArray[] z;
    private INDArray[] c;
    /** Per step: the gates i, f, o and candidate g as activated, and act(c), kept for the backward pass. */
    private INDArray[][] activated;
    private INDArray recurrentMask;
    /** Keras's step mask of this batch, [batch, steps], when the layer is masked; else null. */
    private INDArray stepMask;

    StepwiseLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private FusedLstm lstm() {
        return (FusedLstm) layerConf();
    }

    private IActivation activation() {
        return Dl4jActivations.function(lstm().getActivation().name().toLowerCase(Locale.ROOT));
    }

    private IActivation gate() {
        return Dl4jActivations.function(lstm().getGateActivation().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (lstm().isMasked() && MaskedSteps.carriesMask(input, lstm().getNIn())) {
            INDArray[] split = MaskedSteps.split(input);
            stepMask = split[0];
            input = split[1]; // dropped below, the mask not
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        return FusedLstmLayer.withoutPlatformHelpers(() -> forward(training, workspaceMgr));
    }

    private INDArray forward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray x = input.castTo(dataType).dup('c');
            long batch = x.size(0);
            int steps = (int) x.size(1);
            long u = lstm().getUnits();
            INDArray w = getParam(FusedLstm.WEIGHTS);
            INDArray rw = getParam(FusedLstm.RECURRENT_WEIGHTS);
            INDArray b = getParam(FusedLstm.BIAS).reshape(1, 4 * u);
            INDArray mx = x.reshape(batch * steps, x.size(2)).mmul(w).addiRowVector(b).reshape(batch, steps, 4 * u);
            double rate = lstm().getRecurrentDropout();
            recurrentMask = training && rate > 0
                    ? Nd4j.rand(dataType, batch, u).gt(rate).castTo(dataType).divi(1 - rate) : null;
            hUsed = new INDArray[steps];
            cPrev = new INDArray[steps];
            z = new INDArray[steps];
            c = new INDArray[steps];
            activated = new INDArray[steps][];
            INDArray h = Nd4j.zeros(dataType, batch, u);
            INDArray cell = Nd4j.zeros(dataType, batch, u);
            INDArray all = lstm().isReturnSequences() ? Nd4j.create(dataType, batch, steps, u) : null;
            IActivation act = activation();
            IActivation gate = gate();
            for (int t = 0; t < steps; t++) {
                INDArray hu = recurrentMask != null ? h.mul(recurrentMask) : h;
                INDArray zt = mx.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).add(hu.mmul(rw));
                INDArray i = gate.getActivation(zt.get(cols(0, u)).dup(), training);
                INDArray f = gate.getActivation(zt.get(cols(u, 2 * u)).dup(), training);
                INDArray g = act.getActivation(zt.get(cols(2 * u, 3 * u)).dup(), training);
                INDArray o = gate.getActivation(zt.get(cols(3 * u, 4 * u)).dup(), training);
                INDArray next = f.mul(cell).addi(i.mul(g));
                hUsed[t] = hu;
                cPrev[t] = cell;
                z[t] = zt;
                c[t] = next;
                INDArray actC = act.getActivation(next.dup(), training);
                activated[t] = new INDArray[] {i, f, g, o, actC};
                if (stepMask != null) { // a padded step keeps both states
                    INDArray m = MaskedSteps.at(stepMask, t);
                    cell = MaskedSteps.keep(cell, next, m);
                    h = MaskedSteps.keep(h, o.mul(actC), m);
                } else {
                    cell = next;
                    h = o.mul(actC);
                }
                if (all != null) {
                    all.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).assign(h);
                }
            }
            return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, all != null ? all : h);
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (z == null) {
            activate(true, workspaceMgr);
        }
        INDArray dLdx = backpropDropOutIfPresent(FusedLstmLayer.withoutPlatformHelpers(() -> backward(epsilon)));
        if (stepMask != null) {
            dLdx = MaskedSteps.withMaskGradient(dLdx);
        }
        Gradient g = LayerInstances.gradientOf(gradients, gradTable);
        clear();
        return new Pair<>(g, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dLdx));
    }

    private INDArray backward(INDArray epsilon) {
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray x = input.castTo(dataType).dup('c');
            long batch = x.size(0);
            int steps = (int) x.size(1);
            long features = x.size(2);
            long u = lstm().getUnits();
            INDArray w = getParam(FusedLstm.WEIGHTS);
            INDArray rw = getParam(FusedLstm.RECURRENT_WEIGHTS);
            IActivation act = activation();
            IActivation gate = gate();
            INDArray eps = epsilon.castTo(dataType);
            INDArray dz = Nd4j.create(dataType, batch, steps, 4 * u);
            INDArray dRw = Nd4j.zeros(dataType, u, 4 * u);
            INDArray dhNext = Nd4j.zeros(dataType, batch, u);
            INDArray dcNext = Nd4j.zeros(dataType, batch, u);
            for (int t = steps - 1; t >= 0; t--) {
                INDArray dh = dhNext;
                if (lstm().isReturnSequences()) {
                    dh = dh.add(eps.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()));
                } else if (t == steps - 1) {
                    dh = dh.add(eps);
                }
                INDArray dcState = dcNext;
                INDArray keptH = null; // the parts of dh and dc that reach the previous states past a padded step
                INDArray keptC = null;
                if (stepMask != null) {
                    INDArray m = MaskedSteps.at(stepMask, t);
                    INDArray padded = m.rsub(1.0);
                    keptH = dh.mulColumnVector(padded);
                    keptC = dcState.mulColumnVector(padded);
                    dh = dh.mulColumnVector(m);
                    dcState = dcState.mulColumnVector(m);
                }
                INDArray zt = z[t];
                INDArray i = activated[t][0];
                INDArray f = activated[t][1];
                INDArray g = activated[t][2];
                INDArray o = activated[t][3];
                INDArray actC = activated[t][4];
                INDArray dc = dcState.add(act.backprop(c[t].dup(), dh.mul(o)).getFirst());
                INDArray dzi = gate.backprop(zt.get(cols(0, u)).dup(), dc.mul(g)).getFirst();
                INDArray dzf = gate.backprop(zt.get(cols(u, 2 * u)).dup(), dc.mul(cPrev[t])).getFirst();
                INDArray dzg = act.backprop(zt.get(cols(2 * u, 3 * u)).dup(), dc.mul(i)).getFirst();
                INDArray dzo = gate.backprop(zt.get(cols(3 * u, 4 * u)).dup(), dh.mul(actC)).getFirst();
                INDArray dzt = Nd4j.hstack(dzi, dzf, dzg, dzo);
                dz.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).assign(dzt);
                dRw.addi(hUsed[t].transpose().mmul(dzt));
                dcNext = dc.mul(f);
                dhNext = dzt.mmul(rw.transpose());
                if (recurrentMask != null) {
                    dhNext.muli(recurrentMask); // from the dropped state back to the previous step's output
                }
                if (keptH != null) {
                    dhNext.addi(keptH);
                    dcNext.addi(keptC);
                }
            }
            INDArray dz2 = dz.reshape(batch * steps, 4 * u);
            gradTable.get(FusedLstm.WEIGHTS).assign(x.reshape(batch * steps, features).transpose().mmul(dz2));
            gradTable.get(FusedLstm.RECURRENT_WEIGHTS).assign(dRw);
            gradTable.get(FusedLstm.BIAS).assign(dz2.sum(0).reshape(gradTable.get(FusedLstm.BIAS).shape()));
            return dz2.mmul(w.transpose()).reshape(batch, steps, features);
        }
    }

    @Override
    public void clear() {
        super.clear();
        hUsed = null;
        cPrev = null;
        z = null;
        c = null;
        activated = null;
        recurrentMask = null;
        stepMask = null;
    }

    private static INDArrayIndex[] cols(long from, long to) {
        return LayerInstances.columns(from, to);
    }
}
