package org.neuralcanvas.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.SetChangeListener;
import javafx.beans.value.ChangeListener;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.graph.LayerNames;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.layer.ParamType;
import org.neuralcanvas.ui.document.MainViewModel;

/**
 * Decides what the inspector shows and whether a typed value is accepted: the selected layer,
 * text parsed by its parameter type ("3, 3" for a tuple, "None" where allowed), checked by
 * {@link ParamSpec#validate} and applied as one edit. Refusals become {@link #errorProperty()}.
 */
public final class InspectorViewModel {

    private final MainViewModel main;
    private final ObjectProperty<LayerNode> node = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final SetChangeListener<String> selectionListener = c -> refresh();
    private final ChangeListener<Object> inferenceListener = (o, a, b) -> refresh();

    public InspectorViewModel(MainViewModel main) {
        this.main = main;
        main.selection().ids().addListener(selectionListener);
        main.inferenceProperty().addListener(inferenceListener);
        refresh();
    }

    public void dispose() {
        main.selection().ids().removeListener(selectionListener);
        main.inferenceProperty().removeListener(inferenceListener);
    }

    /** The layer shown, or null when not exactly one layer is selected. */
    public ObjectProperty<LayerNode> nodeProperty() {
        return node;
    }

    /** The sentence about the last refused value, empty when the last change was accepted. */
    public StringProperty errorProperty() {
        return error;
    }

    private void refresh() {
        LayerNode current = main.selection().single().flatMap(id -> main.document().graph().findNode(id)).orElse(null);
        if (current != node.get()) {
            // Another layer, or this one changed (an edit, an undo): the fields show its values now, and a sentence
            // about a value refused before would be about something no longer on screen.
            error.set("");
            node.set(current);
        }
    }

    /** Renames the shown layer; returns the refusal, if any. */
    public Optional<String> rename(String newName) {
        LayerNode n = node.get();
        if (n == null || n.name().equals(newName)) {
            return accept();
        }
        String problem = LayerNames.validateRename(main.document().graph(), n.id(), newName.trim());
        if (problem != null) {
            return refuse(problem);
        }
        main.execute(ChangeNodeEdit.rename(main.document().graph(), n.id(), newName.trim()));
        return accept();
    }

    /** Sets a parameter from what the user typed or picked; returns the refusal, if any. */
    public Optional<String> setParam(String param, Object input) {
        LayerNode n = node.get();
        if (n == null) {
            return Optional.empty();
        }
        ParamSpec spec = n.kind().param(param).orElseThrow();
        Object value = parse(spec, input);
        String problem = spec.validate(value);
        if (problem != null) {
            return refuse(problem);
        }
        if (!Objects.equals(value, n.params().get(param))) {
            main.execute(ChangeNodeEdit.setParam(main.document().graph(), n.id(), param, value));
        }
        return accept();
    }

    /** How a value is shown in its text field: tuples as "3, 3", None as "None". */
    public static String display(ParamSpec spec, Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /**
     * Turns typed text into a value of the parameter's type. Text that does not parse is
     * returned as it is, so that {@link ParamSpec#validate} words the refusal.
     */
    static Object parse(ParamSpec spec, Object input) {
        if (!(input instanceof String raw)) {
            return input;
        }
        String text = raw.trim();
        if (spec.nullable() && (text.isEmpty() || text.equalsIgnoreCase("none"))) {
            return null;
        }
        try {
            return switch (spec.type()) {
                case INT -> Integer.parseInt(text);
                case FLOAT -> Double.parseDouble(text);
                case BOOL -> text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
                case CHOICE, REGULARIZER -> text;
                case INT_TUPLE -> parseTuple(text);
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<Integer> parseTuple(String text) {
        String inner = text.replace("(", "").replace(")", "").replace("[", "").replace("]", "");
        List<Integer> values = new ArrayList<>();
        for (String part : inner.split("[,\\s]+")) {
            if (!part.isBlank()) {
                values.add(Integer.parseInt(part.trim()));
            }
        }
        return List.copyOf(values);
    }

    static boolean isText(ParamType type) {
        return type != ParamType.BOOL && type != ParamType.CHOICE;
    }

    private Optional<String> refuse(String problem) {
        error.set(problem);
        return Optional.of(problem);
    }

    private Optional<String> accept() {
        error.set("");
        return Optional.empty();
    }
}
