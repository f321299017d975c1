package org.neuralcanvas.ui.inspector;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.neuralcanvas.domain.layer.ParamSpec;

/**
 * One row of the inspector's property sheet: a layer parameter (or the layer's name, where
 * {@code spec} is null). Setting a value goes to the view model, which accepts it as an edit or
 * refuses it with a sentence.
 */
final class ParamItem implements PropertySheet.Item {

    private final String key;
    private final String label;
    private final String category;
    private final String description;
    private final ParamSpec spec;
    private final Supplier<Object> current;
    private final Function<Object, Optional<String>> commit;

    ParamItem(String key, String label, String category, String description, ParamSpec spec,
              Supplier<Object> current, Function<Object, Optional<String>> commit) {
        this.key = key;
        this.label = label;
        this.category = category;
        this.description = description;
        this.spec = spec;
        this.current = current;
        this.commit = commit;
    }

    String key() {
        return key;
    }

    ParamSpec spec() {
        return spec;
    }

    /** Commits a value; returns the refusal sentence, if any. */
    Optional<String> commit(Object value) {
        return commit.apply(value);
    }

    @Override
    public Class<?> getType() {
        return Object.class;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return label;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return current.get();
    }

    @Override
    public void setValue(Object value) {
        commit(value);
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
