package org.neuralcanvas.ui.training;

import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.export.KerasCodeExporter;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunSegment;
import org.neuralcanvas.project.TrainingSettings;

/** A run's settings and last epoch as Keras-like text, for the run history. */
final class RunDescriptions {

    private RunDescriptions() {
    }

    static String describe(RunRecord r) {
        TrainingSettings s = r.settings();
        OptimizerSettings o = s.optimizer();
        StringBuilder sb = new StringBuilder();
        sb.append(r.id()).append("  ").append(when(r)).append('\n');
        sb.append("dataset=").append(r.datasetId()).append("  outcome=").append(r.outcome()).append('\n');
        // The optimizer as the exported script writes it: its arguments that differ from Keras's defaults.
        sb.append("model.compile(optimizer=").append(KerasCodeExporter.optimizer(o));
        sb.append(", loss='").append(s.loss()).append("', metrics=").append(s.metrics()).append(")\n");
        sb.append("model.fit(epochs=").append(s.epochs()).append(", batch_size=").append(s.batchSize())
                .append(", validation_split=").append(num(s.validationSplit())).append(", shuffle=")
                .append(s.shuffle() ? "True" : "False").append(", seed=").append(s.seed()).append(")\n");
        CallbackSettings c = s.callbacks();
        if (c.earlyStopping().enabled()) {
            sb.append("EarlyStopping(monitor='").append(c.earlyStopping().monitor()).append("', patience=")
                    .append(c.earlyStopping().patience()).append(")\n");
        }
        if (c.reduceLrOnPlateau().enabled()) {
            sb.append("ReduceLROnPlateau(monitor='").append(c.reduceLrOnPlateau().monitor()).append("', factor=")
                    .append(num(c.reduceLrOnPlateau().factor())).append(", patience=").append(c.reduceLrOnPlateau().patience())
                    .append(")\n");
        }
        if (c.checkpoint().enabled()) {
            sb.append("ModelCheckpoint(monitor='").append(c.checkpoint().monitor()).append("', save_best_only=")
                    .append(c.checkpoint().saveBestOnly() ? "True" : "False").append(")\n");
        }
        if (r.checkpoint() != null) {
            sb.append("checkpoint: ").append(r.checkpoint()).append('\n');
        }
        if (r.parent() != null) {
            sb.append("continued from ").append(r.parent()).append(" at epoch ").append(r.firstEpoch()).append('\n');
        }
        // What each resume with changed settings took over, as the log said it (Keras names).
        for (int i = 1; i < r.segments().size(); i++) {
            RunSegment prev = r.segments().get(i - 1);
            RunSegment seg = r.segments().get(i);
            sb.append("from epoch ").append(seg.fromEpoch()).append(", batch ").append(seg.fromBatch()).append(':');
            if (seg.settings().optimizer().learningRate() != prev.settings().optimizer().learningRate()) {
                sb.append(" learning_rate=").append(KerasLine.rate(seg.settings().optimizer().learningRate()));
            }
            if (seg.settings().epochs() != prev.settings().epochs()) {
                sb.append(" epochs=").append(seg.settings().epochs());
            }
            if (seg.settings().batchSize() != prev.settings().batchSize()) {
                sb.append(" batch_size=").append(seg.settings().batchSize());
            }
            if (!seg.settings().callbacks().equals(prev.settings().callbacks())) {
                sb.append(" callbacks changed");
            }
            sb.append('\n');
        }
        if (!r.history().isEmpty()) {
            Map<String, Double> last = r.history().get(r.history().size() - 1);
            sb.append("last epoch:");
            // The learning rate as Keras prints it (0.0001, 1e-05): four decimals would show a reduced one as 0.0000.
            last.forEach((k, v) -> sb.append(' ').append(k).append('=').append(k.equals(EpochResult.LEARNING_RATE)
                    ? KerasLine.rate(v) : String.format(Locale.ROOT, "%.4f", v)));
        }
        return sb.toString();
    }

    /**
     * When a run started, in this computer's time zone to the minute ({@code 2026-12-02 15:30}), not the file's
     * ISO instant; empty for a run without a time (one read from a model file).
     */
    static String when(RunRecord r) {
        try {
            return TIME.format(java.time.Instant.parse(r.startedAt()).atZone(java.time.ZoneId.systemDefault()));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            return r.startedAt() == null ? "" : r.startedAt();
        }
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) + ".0" : String.valueOf(v);
    }
}
