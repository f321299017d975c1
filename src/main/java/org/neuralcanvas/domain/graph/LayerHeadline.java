package org.neuralcanvas.domain.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.layer.TimeDistribution;

/**
 * A layer's kind with the settings that tell two of it apart at a glance, as the canvas and diagrams print it under
 * the name: {@code Dense 512 · relu}, {@code Conv2D 32 3×3 · relu}, {@code Dropout 0.25},
 * {@code TimeDistributed(Conv2D) 16 3×3}, {@code Bidirectional(GRU) 64}, {@code MultiHeadAttention 2×16}.
 */
public final class LayerHeadline {

    private LayerHeadline() {
    }

    public static String of(LayerNode node) {
        LayerParams p = node.params();
        String kind = node.kind().kerasName();
        if (p.has(ParamKeys.LAYER.name()) && p.get(ParamKeys.LAYER.name()) != null) {
            kind = kind + "(" + p.get(ParamKeys.LAYER.name()) + ")";
        }
        if (TimeDistribution.isOn(p)) {
            kind = "TimeDistributed(" + kind + ")";
        }
        List<String> size = new ArrayList<>();
        number(p, ParamKeys.UNITS.name(), size);
        number(p, ParamKeys.FILTERS.name(), size);
        if (p.has(ParamKeys.NUM_HEADS.name()) && p.has(ParamKeys.KEY_DIM.name())) {
            size.add(p.get(ParamKeys.NUM_HEADS.name()) + "×" + p.get(ParamKeys.KEY_DIM.name()));
        }
        window(p, ParamKeys.KERNEL_SIZE.name(), size);
        window(p, ParamKeys.POOL_SIZE.name(), size);
        if (p.has(ParamKeys.RATE.name()) && p.get(ParamKeys.RATE.name()) instanceof Number rate) {
            size.add(String.valueOf(rate.doubleValue()));
        }
        StringBuilder sb = new StringBuilder(kind);
        if (!size.isEmpty()) {
            sb.append(' ').append(String.join(" ", size));
        }
        if (p.has(ParamKeys.ACTIVATION.name()) && p.get(ParamKeys.ACTIVATION.name()) instanceof String activation
                && !node.kind().kerasName().equals("Activation")) {
            sb.append(" · ").append(activation);
        } else if (node.kind().kerasName().equals("Activation") && p.get(ParamKeys.ACTIVATION.name()) != null) {
            sb.append(' ').append(p.get(ParamKeys.ACTIVATION.name()));
        }
        return sb.toString();
    }

    private static void number(LayerParams p, String key, List<String> into) {
        if (p.has(key) && p.get(key) instanceof Number n) {
            into.add(String.valueOf(n.intValue()));
        }
    }

    private static void window(LayerParams p, String key, List<String> into) {
        if (p.has(key) && p.get(key) instanceof List<?> dims && !dims.isEmpty()) {
            into.add(dims.stream().map(String::valueOf).collect(Collectors.joining("×")));
        }
    }
}
