package org.neuralcanvas.domain.graph;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.text.Sentences;

/** Keras-style layer names: automatic ones ({@code dense}, {@code dense_1}, ...) and the rules for renames. */
public final class LayerNames {
    private static final Sentences SAY = Sentences.DOMAIN;


    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private LayerNames() {
    }

    /**
     * The next free automatic name, as Keras makes them: the first Dense is {@code dense}, then
     * {@code dense_1}, {@code dense_2}; Input layers start at {@code input_1}.
     */
    public static String nextFree(ModelGraph graph, LayerKind kind) {
        String base = kind.nameBase();
        int start = kind.isInput() ? 1 : 0;
        // The names once, not a search of the graph per candidate: that was cubic in the layer count.
        Set<String> taken = new HashSet<>();
        graph.nodes().forEach(n -> taken.add(n.name()));
        for (int i = start; ; i++) {
            String candidate = i == 0 ? base : base + "_" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Checks a name the user typed for a layer.
     *
     * @return {@code null} when the name can be used, else what is wrong with it
     */
    public static String validateRename(ModelGraph graph, String nodeId, String newName) {
        if (newName == null || newName.isBlank()) {
            return SAY.say("name.empty");
        }
        if (!VALID.matcher(newName).matches()) {
            return SAY.say("name.invalid", newName);
        }
        return graph.findByName(newName)
                .filter(other -> !other.id().equals(nodeId))
                .map(other -> SAY.say("name.taken", newName))
                .orElse(null);
    }
}
