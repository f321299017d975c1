package org.neuralcanvas.domain.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two models, layer by layer, as the Runs tab shows it for two runs: layers added, removed and
 * changed (another kind, other parameters, other inputs). Layers are matched by their name, the one thing a user
 * keeps while editing a model (ids are internal; positions do not change the network).
 *
 * @param added   names of the layers only {@code after} has, in its order
 * @param removed names of the layers only {@code before} has, in its order
 * @param changed each layer both have that differs, by name, with one line per difference
 *                ({@code units: 64 → 128}, {@code kind: Dense → Dropout}, {@code inputs: dense → dropout})
 */
public record GraphDiff(List<String> added, List<String> removed, Map<String, List<String>> changed) {

    public GraphDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changed));
    }

    /** How {@code after} differs from {@code before}. */
    public static GraphDiff between(ModelGraph before, ModelGraph after) {
        Map<String, LayerNode> old = byName(before);
        Map<String, LayerNode> now = byName(after);
        List<String> added = now.keySet().stream().filter(n -> !old.containsKey(n)).toList();
        List<String> removed = old.keySet().stream().filter(n -> !now.containsKey(n)).toList();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, LayerNode> e : now.entrySet()) {
            LayerNode was = old.get(e.getKey());
            if (was != null) {
                List<String> lines = differences(before, was, after, e.getValue());
                if (!lines.isEmpty()) {
                    changed.put(e.getKey(), lines);
                }
            }
        }
        return new GraphDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<String, LayerNode> byName(ModelGraph g) {
        Map<String, LayerNode> m = new LinkedHashMap<>();
        g.nodes().forEach(n -> m.put(n.name(), n));
        return m;
    }

    private static List<String> differences(ModelGraph before, LayerNode was, ModelGraph after, LayerNode is) {
        List<String> lines = new ArrayList<>();
        if (!was.kind().kerasName().equals(is.kind().kerasName())) {
            lines.add("kind: " + was.kind().kerasName() + " → " + is.kind().kerasName());
        } else {
            Map<String, Object> a = was.params().asMap();
            Map<String, Object> b = is.params().asMap();
            Set<String> names = new LinkedHashSet<>(a.keySet());
            names.addAll(b.keySet());
            for (String p : names) {
                if (!Objects.equals(a.get(p), b.get(p))) {
                    lines.add(p + ": " + text(a.get(p)) + " → " + text(b.get(p)));
                }
            }
        }
        List<String> inputsWere = inputs(before, was);
        List<String> inputsAre = inputs(after, is);
        if (!inputsWere.equals(inputsAre)) {
            lines.add("inputs: " + names(inputsWere) + " → " + names(inputsAre));
        }
        return lines;
    }

    private static List<String> inputs(ModelGraph g, LayerNode n) {
        return g.incoming(n.id()).stream().map(e -> g.node(e.from()).name()).toList();
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String text(Object v) {
        if (v == null) {
            return "none";
        }
        return v instanceof List<?> l ? "(" + String.join(", ", l.stream().map(String::valueOf).toList()) + ")"
                : String.valueOf(v);
    }
}
