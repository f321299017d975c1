package org.neuralcanvas.engine.bench.peers;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Our side: the template compiled by the app's own compiler and trained by the app's own
 * session, as a user's run is, so the figure includes whatever the engine adds to DL4J.
 * One session for all passes: each pass is one more epoch ({@code continueTraining(1)}), so the
 * data is read and the network built once, outside the timing, as PyTorch's model is.
 */
final class OursSide implements AutoCloseable {

    private final PeerCase c;
    private final TrainingSession session;
    private final AtomicReference<EpochResult> lastEpoch = new AtomicReference<>();
    private final AtomicReference<String> endMessage = new AtomicReference<>("");
    private boolean started;
    private double lastMeanLoss = Double.NaN;

    OursSide(PeerCase c) {
        this.c = c;
        Template t = new Templates().find(c.templateId()).orElseThrow();
        TrainingSettings s = t.settings();
        // One epoch per pass over exactly the timed batches: no validation_split (it would hold
        // out 10% of the CNN's and LSTM's batches and time validation too) and no shuffling,
        // since PyTorch's loop feeds the batches in a fixed order. Loss, optimizer, metrics,
        // batch size and seed stay the template's.
        TrainingSettings timed = new TrainingSettings(s.loss(), s.optimizer(), s.metrics(), 1, s.batchSize(), 0.0,
                false, s.seed(), s.callbacks());
        if (timed.batchSize() != c.batchSize()) {
            throw new IllegalStateException(c.templateId() + " trains in batches of " + timed.batchSize()
                    + ", the bench assumed " + c.batchSize());
        }
        Compilation compiled = Dl4jCompiler.compile(t.graph().get(), timed);
        if (!compiled.ok()) {
            throw new IllegalStateException(c.templateId() + " does not compile: " + compiled.problems());
        }
        long[] shape = new long[c.oursShape().length + 1];
        shape[0] = c.samples();
        System.arraycopy(c.oursShape(), 0, shape, 1, c.oursShape().length);
        DataSet data = new DataSet(Nd4j.create(c.features(), shape, 'c'),
                Nd4j.create(c.labels(), new long[] {c.samples(), c.classes()}, 'c'));
        TrainingData td = new TrainingData(new ViewIterator(data, c.samples()), null, null,
                DataDescriptor.multiclass(c.classes()));
        session = new TrainingSession(compiled.model(), td, e -> {
            if (e instanceof TrainingEvent.EpochEnded ended) {
                lastEpoch.set(ended.result());
            } else if (e instanceof TrainingEvent.StateChanged changed && !changed.message().isEmpty()) {
                endMessage.set(changed.message());
            }
        }, null);
    }

    /** One untimed pass: the first one also reads the data and builds the network. */
    void warmUp() {
        pass();
    }

    /**
     * Milliseconds per training step of one pass: the engine's own epoch time (batches, the
     * per-batch loss check and metrics; not the data reading before it) over the steps.
     */
    double timePass() {
        return pass().seconds() * 1000.0 / c.steps();
    }

    /** The mean training loss of the last pass (the engine's epoch loss). */
    double lastMeanLoss() {
        return lastMeanLoss;
    }

    private EpochResult pass() {
        lastEpoch.set(null);
        SessionState end;
        try {
            end = (started ? session.continueTraining(1) : session.start()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        started = true;
        EpochResult r = lastEpoch.get();
        if (end != SessionState.FINISHED || r == null) {
            throw new IllegalStateException("The engine's " + c.key() + " run ended " + end + ": " + endMessage.get());
        }
        lastMeanLoss = r.get("loss");
        return r;
    }

    @Override
    public void close() {
        session.close();
    }
}
