package org.neuralcanvas.project;

import java.util.List;

/**
 * An optimizer as Keras's {@code compile(optimizer=...)} names it, with its Keras parameters. Which
 * parameters an optimizer has, and their defaults, is declared in {@link Optimizers}; fields an
 * optimizer does not have are kept at their Keras defaults and ignored.
 *
 * @param name         sgd, rmsprop, adam, adagrad, adadelta, nadam or adamax
 * @param learningRate Keras {@code learning_rate}
 * @param momentum     SGD momentum
 * @param nesterov     SGD Nesterov momentum
 * @param decay        learning-rate decay per update (legacy Keras {@code decay}: lr / (1 + decay * step))
 * @param rho          RMSprop / Adadelta decay of the squared-gradient average
 * @param beta1        Adam-family first-moment decay
 * @param beta2        Adam-family second-moment decay
 * @param epsilon      numerical stability term
 * @param clipnorm     gradient clipping by norm; 0 for none
 * @param clipvalue    gradient clipping of each value to [-clipvalue, clipvalue]; 0 for none
 */
public record OptimizerSettings(String name, double learningRate, double momentum, boolean nesterov, double decay,
                                double rho, double beta1, double beta2, double epsilon, double clipnorm,
                                double clipvalue) {

    public static final List<String> NAMES = Optimizers.NAMES;

    /** The Keras optimizer class, e.g. {@code RMSprop}. */
    public String kerasClassName() {
        return kind().kerasClass();
    }

    /** The declaration of this optimizer; throws for a name that is none (a programming error). */
    public OptimizerKind kind() {
        return Optimizers.find(name).orElseThrow(() -> new IllegalArgumentException("Unknown optimizer " + name));
    }

    /** Keras's defaults for an optimizer name (e.g. rmsprop: learning_rate=0.001, rho=0.9). */
    public static OptimizerSettings defaults(String name) {
        return Optimizers.find(name).orElseThrow(() -> new IllegalArgumentException("Unknown optimizer " + name))
                .defaults();
    }

    /** A parameter by its Keras name: a Double, or a Boolean for nesterov. */
    public Object value(String kerasName) {
        return switch (kerasName) {
            case "learning_rate" -> learningRate;
            case "momentum" -> momentum;
            case "nesterov" -> nesterov;
            case "decay" -> decay;
            case "rho" -> rho;
            case "beta_1" -> beta1;
            case "beta_2" -> beta2;
            case "epsilon" -> epsilon;
            case "clipnorm" -> clipnorm;
            case "clipvalue" -> clipvalue;
            default -> throw new IllegalArgumentException("No optimizer parameter " + kerasName);
        };
    }

    /** A copy with one parameter, by its Keras name, replaced. */
    public OptimizerSettings with(String kerasName, Object value) {
        double v = value instanceof Number n ? n.doubleValue() : 0;
        return switch (kerasName) {
            case "learning_rate" -> new OptimizerSettings(name, v, momentum, nesterov, decay, rho, beta1, beta2, epsilon,
                    clipnorm, clipvalue);
            case "momentum" -> new OptimizerSettings(name, learningRate, v, nesterov, decay, rho, beta1, beta2, epsilon,
                    clipnorm, clipvalue);
            case "nesterov" -> new OptimizerSettings(name, learningRate, momentum, Boolean.TRUE.equals(value), decay, rho,
                    beta1, beta2, epsilon, clipnorm, clipvalue);
            case "decay" -> new OptimizerSettings(name, learningRate, momentum, nesterov, v, rho, beta1, beta2, epsilon,
                    clipnorm, clipvalue);
            case "rho" -> new OptimizerSettings(name, learningRate, momentum, nesterov, decay, v, beta1, beta2, epsilon,
                    clipnorm, clipvalue);
            case "beta_1" -> new OptimizerSettings(name, learningRate, momentum, nesterov, decay, rho, v, beta2, epsilon,
                    clipnorm, clipvalue);
            case "beta_2" -> new OptimizerSettings(name, learningRate, momentum, nesterov, decay, rho, beta1, v, epsilon,
                    clipnorm, clipvalue);
            case "epsilon" -> new OptimizerSettings(name, learningRate, momentum, nesterov, decay, rho, beta1, beta2, v,
                    clipnorm, clipvalue);
            case "clipnorm" -> new OptimizerSettings(name, learningRate, momentum, nesterov, decay, rho, beta1, beta2,
                    epsilon, v, clipvalue);
            case "clipvalue" -> new OptimizerSettings(name, learningRate, momentum, nesterov, decay, rho, beta1, beta2,
                    epsilon, clipnorm, v);
            default -> throw new IllegalArgumentException("No optimizer parameter " + kerasName);
        };
    }

    public OptimizerSettings withLearningRate(double lr) {
        return with("learning_rate", lr);
    }

    public OptimizerSettings withClipnorm(double norm) {
        return with("clipnorm", norm);
    }
}
