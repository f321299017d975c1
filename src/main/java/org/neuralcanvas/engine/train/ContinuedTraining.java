package org.neuralcanvas.engine.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;

/**
 * A trained model made ready to go on training with the settings the user has now, so that a
 * continued run trains with what its record says, as a second {@code fit()} after
 * {@code model.optimizer.learning_rate = ...} does in Keras: a new learning rate is set on the
 * network and the optimizer's state is kept; a different optimizer, loss or clipping needs a
 * network compiled anew, which takes the weights over and starts the optimizer's state afresh.
 * Epochs, batch size, metrics and callbacks are the session's and need nothing here.
 */
public final class ContinuedTraining {

    private static final Sentences SAY = EngineSentences.SAY;

    private ContinuedTraining() {
    }

    /**
     * @param notes collects what the user should know (the optimizer's state started afresh)
     * @throws IllegalArgumentException with the user's sentence when the settings cannot be compiled
     */
    public static TrainedModel with(TrainedModel from, TrainingSettings settings, List<String> notes) {
        TrainingSettings old = from.compiled().settings();
        if (settings.equals(old)) {
            return from;
        }
        if (sameUpdater(old.optimizer(), settings.optimizer()) && old.loss().equals(settings.loss())) {
            if (settings.optimizer().learningRate() != old.optimizer().learningRate()) {
                LearningRates.set(from.network(), settings.optimizer());
            }
            return new TrainedModel(from.network(), from.compiled().withSettings(settings), from.descriptor(),
                    from.history());
        }
        Compilation c = Dl4jCompiler.compile(from.compiled().graph(), settings);
        if (!c.ok()) {
            throw new IllegalArgumentException(String.join(" ", c.problems()));
        }
        ComputationGraph network = new ComputationGraph(c.model().configuration());
        network.init(from.network().params().dup(), false);
        notes.add(SAY.say("continue.freshOptimizer", old.optimizer().name(), settings.optimizer().name(),
                old.loss(), settings.loss()));
        return new TrainedModel(network, c.model(), from.descriptor(), from.history());
    }

    /** The same optimizer with the same parameters, the learning rate aside. */
    private static boolean sameUpdater(OptimizerSettings a, OptimizerSettings b) {
        return a.withLearningRate(0).equals(b.withLearningRate(0));
    }
}
