package org.neuralcanvas.engine.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.neuralcanvas.project.OptimizerSettings;

/**
 * A new learning rate on a network that has trained: DL4J's {@code setLearningRate} writes it into every layer's
 * updater configuration and keeps the updater's state (Adam's moments, RMSprop's averages), which is Keras's
 * {@code model.optimizer.learning_rate = ...}. With Keras's legacy decay the rate is a schedule again, as compiled
 * ({@code Dl4jUpdaters}): a plain number would silently drop the decay.
 */
final class LearningRates {

    private LearningRates() {
    }

    static void set(ComputationGraph net, OptimizerSettings o) {
        if (o.decay() > 0) {
            net.setLearningRate(new InverseSchedule(ScheduleType.ITERATION, o.learningRate(), o.decay(), 1.0));
        } else {
            net.setLearningRate(o.learningRate());
        }
    }
}
