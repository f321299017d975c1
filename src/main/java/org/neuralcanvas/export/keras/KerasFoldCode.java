package org.neuralcanvas.export.keras;

import org.neuralcanvas.project.FoldSummary;
import org.neuralcanvas.project.TrainingSettings;

/**
 * The K-fold part of an exported script, as the Boston-housing chapter writes it: K models from {@code build_model()},
 * each validated on one part of the training data, the mean validation curve smoothed to choose the epochs, then the
 * final model trained on all the training data for them and evaluated on the test set.
 */
public final class KerasFoldCode {

    private KerasFoldCode() {
    }

    /**
     * @param callbacks whether a {@code callbacks} list was written before
     * @param hasTest   whether the data code gives {@code x_test, y_test}
     */
    public static void append(StringBuilder py, TrainingSettings s, boolean callbacks, boolean hasTest) {
        String key = s.metrics().isEmpty() ? "val_loss" : "val_" + s.metrics().get(0);
        String fitArgs = "        epochs=" + s.epochs() + ",\n        batch_size=" + s.batchSize() + ",\n"
                + (s.shuffle() ? "" : "        shuffle=False,\n") + (callbacks ? "        callbacks=callbacks,\n" : "");
        py.append("# K-fold cross-validation: ").append(s.validation().folds()).append(" models, each validated on one part "
                        + "of the training data.\n")
                .append("# (NeuralCanvas deals the parts after its own seeded shuffle; the figures differ a little.)\n")
                .append("k = ").append(s.validation().folds()).append('\n')
                .append("parts = np.array_split(np.random.default_rng(").append(s.seed()).append(").permutation(len(y_train)), k)\n")
                .append("take = lambda x, rows: [a[rows] for a in x] if isinstance(x, list) else x[rows]\n")
                .append("all_histories = []\n")
                .append("for i in range(k):\n")
                .append("    print(f\"Processing fold {i + 1}/{k}\")\n")
                .append("    val_rows = parts[i]\n")
                .append("    train_rows = np.concatenate([p for j, p in enumerate(parts) if j != i])\n")
                .append("    model = build_model()\n")
                .append("    history = model.fit(\n")
                .append("        take(x_train, train_rows),\n")
                .append("        take(y_train, train_rows),\n")
                .append("        validation_data=(take(x_train, val_rows), take(y_train, val_rows)),\n")
                .append(fitArgs)
                .append("        verbose=0,\n")
                .append("    )\n")
                .append("    all_histories.append(history.history)\n\n");
        boolean higher = TrainingSettings.higherIsBetter(key);
        int skip = FoldSummary.unsmoothedEpochs(s.epochs());
        py.append("key = ").append(PythonSyntax.string(key)).append('\n')
                .append("epochs = min(len(h[key]) for h in all_histories)\n")
                .append("mean_curve = [np.mean([h[key][e] for h in all_histories]) for e in range(epochs)]\n")
                .append("scores = [h[key][-1] for h in all_histories]\n")
                .append("print(key, \"of each fold:\", scores, \"mean:\", np.mean(scores), \"±\", np.std(scores))\n\n")
                .append("# The notes' moving average of the mean curve")
                .append(skip > 0 ? ", leaving out the first " + skip + " epochs (on another scale)" : "")
                .append(", to choose the epochs.\n")
                .append("skip = ").append(skip).append(" if epochs > 20 else 0\n")
                .append("factor = ").append(FoldSummary.SMOOTHING).append('\n')
                .append("smoothed = []\n")
                .append("for point in mean_curve[skip:]:\n")
                .append("    smoothed.append(smoothed[-1] * factor + point * (1 - factor) if smoothed else point)\n")
                .append("best_epoch = skip + int(np.").append(higher ? "argmax" : "argmin").append("(smoothed)) + 1\n")
                .append("print(\"The smoothed mean\", key, \"is best at epoch\", best_epoch)\n\n")
                .append("# The final model: all the training data, the chosen epochs.\n")
                .append("model = build_model()\n")
                .append("model.fit(x_train, y_train, epochs=best_epoch, batch_size=").append(s.batchSize())
                .append(s.shuffle() ? "" : ", shuffle=False").append(")\n");
        if (hasTest) {
            py.append("\nresults = model.evaluate(x_test, y_test)\nprint('test:', results)\n");
        }
    }
}
