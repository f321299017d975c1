package org.neuralcanvas.project;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranges of the training settings (Keras's own where it has them, e.g. momentum in [0, 1)), and
 * the check of a whole {@link TrainingSettings} against them: the one home of these limits.
 */
public final class SettingRanges {

    public static final SettingRange LEARNING_RATE = new SettingRange("learning_rate", 0, false, 10, true, false);
    public static final SettingRange MOMENTUM = new SettingRange("momentum", 0, true, 1, false, false);
    public static final SettingRange RHO = new SettingRange("rho", 0, false, 1, false, false);
    public static final SettingRange BETA_1 = new SettingRange("beta_1", 0, false, 1, false, false);
    public static final SettingRange BETA_2 = new SettingRange("beta_2", 0, false, 1, false, false);
    public static final SettingRange EPSILON = new SettingRange("epsilon", 0, false, 1, false, false);
    public static final SettingRange CLIPNORM = new SettingRange("clipnorm", 0, true, Double.POSITIVE_INFINITY, false,
            false);
    /** 0 for no clipping, as Keras's None. */
    public static final SettingRange CLIPVALUE = new SettingRange("clipvalue", 0, true, Double.POSITIVE_INFINITY, false,
            false);
    /** Keras 2's learning-rate decay per step: lr / (1 + decay * step). */
    public static final SettingRange DECAY = new SettingRange("decay", 0, true, Double.POSITIVE_INFINITY, false, false);
    public static final SettingRange EPOCHS = new SettingRange("epochs", 1, true, 100_000, true, true);
    public static final SettingRange BATCH_SIZE = new SettingRange("batch_size", 1, true, 1_000_000, true, true);
    public static final SettingRange VALIDATION_SPLIT = new SettingRange("validation_split", 0, true, 1, false, false);
    /** K of K-fold: the notes use 4; more than 20 folds would train 20 models for one curve. */
    public static final SettingRange FOLDS = new SettingRange("folds", 2, true, 20, true, true);
    public static final SettingRange PATIENCE = new SettingRange("patience", 0, true, 10_000, true, true);
    public static final SettingRange FACTOR = new SettingRange("factor", 0, false, 1, false, false);
    /** Any whole number a JSON file and the Train panel's field both hold exactly enough. */
    public static final SettingRange SEED = new SettingRange("seed", -(double) (1L << 53), true, (double) (1L << 53), true,
            true);
    public static final SettingRange MIN_LR = new SettingRange("min_lr", 0, true, Double.POSITIVE_INFINITY, false,
            false);

    private SettingRanges() {
    }

    /** Every setting outside its range, as sentences; empty when all are fine. */
    public static List<String> problems(TrainingSettings s) {
        List<String> out = new ArrayList<>();
        OptimizerSettings o = s.optimizer();
        // Only the arguments the chosen optimizer has: an SGD run does not care about a stored beta_2.
        Optimizers.find(o.name()).ifPresent(kind -> kind.params().stream().filter(p -> !p.isFlag())
                .forEach(p -> check(out, p.range(), ((Number) o.value(p.name())).doubleValue())));
        check(out, EPOCHS, s.epochs());
        check(out, BATCH_SIZE, s.batchSize());
        check(out, VALIDATION_SPLIT, s.validationSplit());
        check(out, SEED, s.seed());
        if (s.validation().isKFold()) {
            check(out, FOLDS, s.validation().folds());
        }
        // A switched-off callback's values too: the Train panel refuses them either way, and they mean what they say
        // the moment it is switched on.
        CallbackSettings c = s.callbacks();
        check(out, PATIENCE, c.earlyStopping().patience());
        check(out, FACTOR, c.reduceLrOnPlateau().factor());
        check(out, PATIENCE, c.reduceLrOnPlateau().patience());
        check(out, MIN_LR, c.reduceLrOnPlateau().minLr());
        return out;
    }

    private static void check(List<String> out, SettingRange range, double value) {
        String problem = range.problem(value);
        if (problem != null) {
            out.add(problem);
        }
    }
}
