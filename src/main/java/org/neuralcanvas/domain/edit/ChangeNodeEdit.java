package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.text.Sentences;
import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * Replaces nodes by changed copies: the one mechanism behind moving, renaming and setting a
 * parameter. Each factory states the change in the user's terms.
 */
public final class ChangeNodeEdit implements Edit {
    private static final Sentences SAY = Sentences.DOMAIN;


    private final String description;
    private final List<LayerNode> before;
    private final List<LayerNode> after;

    private ChangeNodeEdit(String description, List<LayerNode> before, List<LayerNode> after) {
        this.description = description;
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
    }

    /** Sets one parameter; validate the value with the kind's {@code ParamSpec} first. */
    public static ChangeNodeEdit setParam(ModelGraph graph, String id, String param, Object value) {
        LayerNode node = graph.node(id);
        return new ChangeNodeEdit(SAY.say("edit.set", param, node.name()), List.of(node),
                List.of(node.withParams(node.params().with(param, value))));
    }

    /** Renames a layer; validate with {@code LayerNames.validateRename} first. */
    public static ChangeNodeEdit rename(ModelGraph graph, String id, String newName) {
        LayerNode node = graph.node(id);
        return new ChangeNodeEdit(SAY.say("edit.rename", node.name(), newName), List.of(node),
                List.of(node.withName(newName)));
    }

    /** Moves nodes to new positions (the end of one drag is one edit). */
    public static ChangeNodeEdit move(ModelGraph graph, Map<String, double[]> positions) {
        List<LayerNode> before = positions.keySet().stream().map(graph::node).toList();
        List<LayerNode> after = before.stream()
                .map(n -> n.withPosition(positions.get(n.id())[0], positions.get(n.id())[1])).toList();
        return new ChangeNodeEdit(before.size() == 1 ? SAY.say("edit.move.one", before.get(0).name())
                        : SAY.say("edit.move.many", String.valueOf(before.size())),
                before, after);
    }

    @Override
    public void apply(ModelGraph graph) {
        after.forEach(graph::replaceNode);
    }

    @Override
    public void revert(ModelGraph graph) {
        before.forEach(graph::replaceNode);
    }

    @Override
    public String description() {
        return description;
    }
}
