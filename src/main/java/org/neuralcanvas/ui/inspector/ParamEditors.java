package org.neuralcanvas.ui.inspector;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
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

    private static PropertyEditor<Object> text(ParamItem item) {
        TextField field = new TextField();
        field.setId("param-" + item.key());
        Runnable commit = () -> {
            boolean refused = item.commit(field.getText()).isPresent();
            field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), refused);
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (was && !is && field.getScene() != null && !Objects.equals(field.getText(), shown(item))) {
                commit.run();
            }
        });
        return new Simple<>(field) {
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
