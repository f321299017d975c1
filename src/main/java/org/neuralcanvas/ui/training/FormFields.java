package org.neuralcanvas.ui.training;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.neuralcanvas.project.SettingRange;

/**
 * Number fields for settings with a declared {@link SettingRange}: they commit on Enter or focus loss, and a text
 * that is no allowed value keeps its text, turns red and carries the range's own sentence in its tooltip
 * ("learning_rate must be at most 10; it is 1,000,000."), the one the Problems list and the command line give.
 */
final class FormFields {

    private FormFields() {
    }

    /**
     * @param report told the field's problem after every check: the sentence, or null when the value is fine
     */
    static TextField number(String id, SettingRange range, DoubleConsumer commit, Consumer<String> report) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        Runnable apply = () -> {
            String text = f.getText().trim();
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            String problem = Double.isNaN(v) && !text.equalsIgnoreCase("nan") ? range.notANumber(text) : range.problem(v);
            mark(f, problem);
            report.accept(problem);
            if (problem == null) {
                commit.accept(v);
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

    /** Red with the sentence in the tooltip, or plain again when {@code problem} is null. */
    static void mark(TextField f, String problem) {
        if (problem == null) {
            f.getStyleClass().remove("field-error");
            f.setTooltip(null);
        } else {
            if (!f.getStyleClass().contains("field-error")) {
                f.getStyleClass().add("field-error");
            }
            f.setTooltip(new Tooltip(problem));
        }
    }

    /** Whether the field shows a refused value. */
    static boolean refused(TextField f) {
        return f.getStyleClass().contains("field-error");
    }

    /** Shows a setting's value unless the user is typing in the field; true when it did. */
    static boolean show(TextField f, double v) {
        if (f.isFocused()) {
            return false;
        }
        f.setText(v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v));
        return true;
    }
}
