package org.neuralcanvas.domain.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every layer kind the app knows, by Keras name. Immutable; one instance serves the whole app
 * (the kinds themselves hold no state).
 */
public final class LayerCatalog {

    private static final LayerCatalog STANDARD = new LayerCatalog();

    private final Map<String, LayerKind> byName = new LinkedHashMap<>();
    private final Map<String, LayerKind> byKerasClass = new LinkedHashMap<>();

    private LayerCatalog() {
        List<LayerKind> all = new ArrayList<>();
        all.addAll(CoreLayers.all());
        all.addAll(ConvolutionLayers.all());
        all.addAll(RecurrentLayers.all());
        all.addAll(AttentionLayers.all());
        all.addAll(MergeLayers.all());
        all.addAll(ActivationLayers.all());
        all.addAll(ReshapingLayers.all());
        all.addAll(RegularizationLayers.all());
        for (LayerKind kind : all) {
            byName.put(kind.kerasName(), kind);
            byKerasClass.put(kind.kerasName(), kind);
            kind.kerasAliases().forEach(alias -> byKerasClass.put(alias, kind));
        }
    }

    /** The catalog of all built-in layer kinds. */
    public static LayerCatalog standard() {
        return STANDARD;
    }

    public List<LayerKind> kinds() {
        return List.copyOf(byName.values());
    }

    public List<LayerKind> kinds(LayerCategory category) {
        return byName.values().stream().filter(k -> k.category() == category).toList();
    }

    public Optional<LayerKind> find(String kerasName) {
        return Optional.ofNullable(byName.get(kerasName));
    }

    /** The kind a Keras file's {@code class_name} stands for, by its current name or an older one. */
    public Optional<LayerKind> findKerasClass(String className) {
        return Optional.ofNullable(byKerasClass.get(className));
    }

    /** The kind with this Keras name; throws for an unknown name (a programming error, not user input). */
    public LayerKind get(String kerasName) {
        LayerKind kind = byName.get(kerasName);
        if (kind == null) {
            throw new IllegalArgumentException("No layer kind named " + kerasName);
        }
        return kind;
    }

    public Map<String, LayerKind> asMap() {
        return Collections.unmodifiableMap(byName);
    }
}
