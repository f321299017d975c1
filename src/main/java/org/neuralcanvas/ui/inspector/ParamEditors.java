package org.neuralcanvas.ui.inspector;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.control.TextField;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.neuralcanvas.domain.layer.ParamType;

/**
 * The editor for each parameter type: a check box for booleans, a drop-down for choices, and a
 * text field for numbers and tuples that commits on Enter or when it loses focus (so a
 * half-typed "1" on the way to "128" is never an edit).
 */
final class ParamEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {

    @Override
    public PropertyEditor<?> call(PropertySheet.Item raw) {
        ParamItem item = (ParamItem) raw;
        ParamType type = item.spec() == null ? null : item.spec().type();
        if (type == ParamType.BOOL) {
            return check(item);
        }
        if (type == ParamType.CHOICE) {
            return choice(item);
        }
        return text(item);
    }

    /**
     * A text field with the sentence of a refused value right under it (not at the foot of a long sheet, where it
     * was out of sight); Esc puts back the model's value, as it does in a spreadsheet cell.
     */
    private static PropertyEditor<Object> text(ParamItem item) {
        TextField field = new TextField();
        field.setId("param-" + item.key());
        Label problem = new Label();
        problem.setId("param-" + item.key() + "-problem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        java.util.function.Consumer<String> refusal = why -> {
            field.pseudoClassStateChanged(INVALID, why != null);
            problem.setText(why == null ? "" : why);
            problem.setVisible(why != null);
        };
        Runnable commit = () -> refusal.accept(item.commit(field.getText()).orElse(null));
        field.setOnAction(e -> commit.run());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(shown(item));
                field.selectAll();
                refusal.accept(null);
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (was && !is && field.getScene() != null && !Objects.equals(field.getText(), shown(item))) {
                commit.run();
            }
        });
        VBox editor = new VBox(2, field, problem);
        return new Simple<>(editor) {
            @Override
            public Object getValue() {
                return field.getText();
            }

            @Override
            public void setValue(Object value) {
                field.setText(value == null ? "" : value.toString());
            }
        };
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private static String shown(ParamItem item) {
        Object v = item.getValue();
        return v == null ? "" : v.toString();
    }

    private static PropertyEditor<Object> check(ParamItem item) {
        CheckBox box = new CheckBox();
        box.setId("param-" + item.key());
        box.setOnAction(e -> item.commit(box.isSelected()));
        return new Simple<>(box) {
            @Override
            public Object getValue() {
                return box.isSelected();
            }

            @Override
            public void setValue(Object value) {
                box.setSelected(Boolean.TRUE.equals(value));
            }
        };
    }

    private static PropertyEditor<Object> choice(ParamItem item) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId("param-" + item.key());
        combo.getItems().setAll(item.spec().choices());
        combo.setMaxWidth(Double.MAX_VALUE);
        boolean[] updating = {false};
        combo.valueProperty().addListener((o, a, b) -> {
            if (!updating[0] && b != null && !b.equals(item.getValue())) {
                item.commit(b);
            }
        });
        return new Simple<>(combo) {
            @Override
            public Object getValue() {
                return combo.getValue();
            }

            @Override
            public void setValue(Object value) {
                updating[0] = true;
                combo.setValue(value == null ? null : value.toString());
                updating[0] = false;
            }
        };
    }

    /** An editor around one control. */
    private abstract static class Simple<N extends Node> implements PropertyEditor<Object> {
        private final N control;

        Simple(N control) {
            this.control = control;
        }

        @Override
        public Node getEditor() {
            return control;
        }
    }
}
