package org.neuralcanvas.project;

/**
 * The Keras callbacks a run may use. A callback is off when its {@code enabled} is false.
 *
 * @param earlyStopping      EarlyStopping(monitor, patience, restore_best_weights)
 * @param reduceLrOnPlateau  ReduceLROnPlateau(monitor, factor, patience, min_lr)
 * @param checkpoint         ModelCheckpoint(monitor, save_best_only)
 */
public record CallbackSettings(EarlyStopping earlyStopping, ReduceLrOnPlateau reduceLrOnPlateau, Checkpoint checkpoint) {

    public record EarlyStopping(boolean enabled, String monitor, int patience, boolean restoreBestWeights) {
    }

    public record ReduceLrOnPlateau(boolean enabled, String monitor, double factor, int patience, double minLr) {
    }

    public record Checkpoint(boolean enabled, String monitor, boolean saveBestOnly) {
    }

    public static CallbackSettings none() {
        return new CallbackSettings(new EarlyStopping(false, "val_loss", 5, true),
                new ReduceLrOnPlateau(false, "val_loss", 0.1, 10, 0.0),
                new Checkpoint(false, "val_loss", true));
    }
}
