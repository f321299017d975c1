package org.neuralcanvas.project;

import java.util.List;
import java.util.Map;

/**
 * An optimizer as Keras's {@code compile(optimizer=...)} names it, with its Keras parameters.
 * Fields an optimizer does not use are kept at their Keras defaults and ignored.
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
 */
public record OptimizerSettings(String name, double learningRate, double momentum, boolean nesterov, double decay,
                                double rho, double beta1, double beta2, double epsilon, double clipnorm) {

    public static final List<String> NAMES = List.of("sgd", "rmsprop", "adam", "adagrad", "adadelta", "nadam", "adamax");

    /** Keras's class for each name: {@code keras.optimizers.RMSprop} for rmsprop. */
    private static final Map<String, String> KERAS_CLASSES = Map.of("sgd", "SGD",
            "rmsprop", "RMSprop", "adam", "Adam", "adagrad", "Adagrad", "adadelta", "Adadelta", "nadam", "Nadam",
            "adamax", "Adamax");

    /** The Keras optimizer class, e.g. {@code RMSprop}. */
    public String kerasClassName() {
        String cls = KERAS_CLASSES.get(name);
        if (cls == null) {
            throw new IllegalArgumentException("Unknown optimizer " + name);
        }
        return cls;
    }

    /** Keras's defaults for an optimizer name (e.g. rmsprop: learning_rate=0.001, rho=0.9). */
    public static OptimizerSettings defaults(String name) {
        double lr = switch (name) {
            case "sgd" -> 0.01;
            case "adadelta" -> 1.0;
            case "adagrad" -> 0.001;
            default -> 0.001;
        };
        double rho = "adadelta".equals(name) ? 0.95 : 0.9;
        double epsilon = "adadelta".equals(name) ? 1e-6 : 1e-7;
        return new OptimizerSettings(name, lr, 0.0, false, 0.0, rho, 0.9, 0.999, epsilon, 0.0);
    }

    public OptimizerSettings withLearningRate(double lr) {
        return new OptimizerSettings(name, lr, momentum, nesterov, decay, rho, beta1, beta2, epsilon, clipnorm);
    }

    public OptimizerSettings withClipnorm(double norm) {
        return new OptimizerSettings(name, learningRate, momentum, nesterov, decay, rho, beta1, beta2, epsilon, norm);
    }
}
