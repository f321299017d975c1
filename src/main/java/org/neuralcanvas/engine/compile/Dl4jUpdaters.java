package org.neuralcanvas.engine.compile;

import org.neuralcanvas.project.OptimizerSettings;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Keras optimizers with their Keras parameters to DL4J updaters.
 *
 * <p>Differences worth knowing: DL4J has no plain (non-Nesterov) momentum, so SGD with momentum
 * uses Nesterov momentum either way; Adadelta has no learning rate in DL4J (Keras's default is
 * 1.0, which is what DL4J does). Keras's legacy {@code decay} (lr / (1 + decay * step)) is an
 * {@link InverseSchedule} with power 1.
 */
public final class Dl4jUpdaters {

    private Dl4jUpdaters() {
    }

    /** The updater, or null when the optimizer name is unknown. */
    public static IUpdater of(OptimizerSettings o) {
        double lr = o.learningRate();
        ISchedule schedule = o.decay() > 0 ? new InverseSchedule(ScheduleType.ITERATION, lr, o.decay(), 1.0) : null;
        return switch (o.name()) {
            case "sgd" -> o.momentum() > 0
                    ? (schedule != null ? new Nesterovs(schedule, o.momentum()) : new Nesterovs(lr, o.momentum()))
                    : (schedule != null ? new Sgd(schedule) : new Sgd(lr));
            case "rmsprop" -> schedule != null ? rmsProp(schedule, o) : new RmsProp(lr, o.rho(), o.epsilon());
            case "adam" -> schedule != null ? Adam.builder().learningRateSchedule(schedule).beta1(o.beta1()).beta2(o.beta2())
                    .epsilon(o.epsilon()).build() : new Adam(lr, o.beta1(), o.beta2(), o.epsilon());
            case "nadam" -> schedule != null ? Nadam.builder().learningRateSchedule(schedule).beta1(o.beta1()).beta2(o.beta2())
                    .epsilon(o.epsilon()).build() : new Nadam(lr, o.beta1(), o.beta2(), o.epsilon());
            case "adamax" -> adaMax(schedule, lr, o);
            case "adagrad" -> schedule != null ? new AdaGrad(schedule, o.epsilon()) : new AdaGrad(lr, o.epsilon());
            case "adadelta" -> new AdaDelta(o.rho(), o.epsilon());
            default -> null;
        };
    }

    private static AdaMax adaMax(ISchedule schedule, double lr, OptimizerSettings o) {
        AdaMax a = new AdaMax(lr, o.beta1(), o.beta2(), o.epsilon());
        if (schedule != null) {
            a.setLearningRateSchedule(schedule);
        }
        return a;
    }

    private static RmsProp rmsProp(ISchedule schedule, OptimizerSettings o) {
        RmsProp r = new RmsProp(schedule);
        r.setRmsDecay(o.rho());
        r.setEpsilon(o.epsilon());
        return r;
    }
}
