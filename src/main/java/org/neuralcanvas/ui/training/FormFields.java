package org.neuralcanvas.ui.training;

import java.text.MessageFormat;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import java.util.function.LongConsumer;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.neuralcanvas.project.SettingRange;

/** Number fields that commit on Enter or focus loss and turn red with a sentence when the text is not allowed. */
final class FormFields {

    private FormFields() {
    }

    static TextField number(String id, DoublePredicate allowed, String refusal, DoubleConsumer commit) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        Runnable apply = () -> {
            try {
                double v = Double.parseDouble(f.getText().trim());
                if (!allowed.test(v)) {
                    throw new NumberFormatException();
                }
                f.getStyleClass().remove("field-error");
                f.setTooltip(null);
                commit.accept(v);
            } catch (NumberFormatException e) {
                if (!f.getStyleClass().contains("field-error")) {
                    f.getStyleClass().add("field-error");
                }
                f.setTooltip(new Tooltip(refusal));
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        return f;
    }

    /** A field for a setting with a declared range; an invalid value turns it red with the range in its tooltip. */
    static TextField number(String id, SettingRange range, String refusalPattern,
                            DoubleConsumer commit) {
        return number(id, range::allows, MessageFormat.format(refusalPattern, range.interval()), commit);
    }

    static TextField integer(String id, long min, long max, String refusal, LongConsumer commit) {
        return number(id, v -> v == Math.rint(v) && v >= min && v <= max, refusal, v -> commit.accept((long) v));
    }

    static void show(TextField f, double v) {
        if (!f.isFocused()) {
            f.setText(v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v));
        }
    }
}
