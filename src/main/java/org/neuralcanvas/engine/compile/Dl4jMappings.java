package org.neuralcanvas.engine.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerKind;

/**
 * The DL4J mapping of every layer kind, by Keras name, the one registry the compiler looks up. Each group of
 * kinds registers its mappings in its own class; a kind without one cannot be compiled, which
 * {@link #kindsWithoutMapping()} lets a test catch before a user does.
 */
public final class Dl4jMappings {

    private static final Map<String, Dl4jMapping> BY_KIND = build();

    private Dl4jMappings() {
    }

    private static Map<String, Dl4jMapping> build() {
        Map<String, Dl4jMapping> m = new HashMap<>();
        CoreMappings.register(m);
        ConvolutionMappings.register(m);
        ReshapingMappings.register(m);
        RecurrentMappings.register(m);
        MergeMappings.register(m);
        AttentionMappings.register(m);
        return Map.copyOf(m);
    }

    static Optional<Dl4jMapping> of(LayerKind kind) {
        return Optional.ofNullable(BY_KIND.get(kind.kerasName()));
    }

    /** Catalog kinds (other than Input, which the compiler handles itself) that have no mapping. */
    public static List<String> kindsWithoutMapping() {
        return LayerCatalog.standard().kinds().stream().filter(k -> !k.isInput())
                .map(LayerKind::kerasName).filter(name -> !BY_KIND.containsKey(name)).toList();
    }

    /** Mapped names that are not catalog kinds (a renamed kind whose mapping was left behind). */
    public static List<String> mappingsWithoutKind() {
        return BY_KIND.keySet().stream().filter(name -> LayerCatalog.standard().find(name).isEmpty()).sorted().toList();
    }
}
