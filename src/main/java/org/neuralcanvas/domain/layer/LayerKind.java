package org.neuralcanvas.domain.layer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.neuralcanvas.domain.shape.TensorShape;

/**
 * The one declaration of a layer kind: its Keras name, palette group, parameters, how many
 * inputs it takes, how it changes a shape and how many weights it has. Every view of a layer —
 * palette, inspector, summary, SVG, code export, compiler — reads this declaration.
 */
public final class LayerKind {

    /** Computes the output shape; throws with the user's sentence when the input does not fit. */
    @FunctionalInterface
    public interface ShapeRule {
        TensorShape outputShape(String layerName, List<TensorShape> inputs, LayerParams params) throws ShapeException;
    }

    /** Counts weights, given the (already valid) input and output shapes. */
    @FunctionalInterface
    public interface ParamRule {
        ParamCount count(List<TensorShape> inputs, TensorShape output, LayerParams params);
    }

    /** Marker for "any number of inputs". */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String kerasName;
    private final String nameBase;
    private final LayerCategory category;
    private final List<ParamSpec> params;
    private final int minInputs;
    private final int maxInputs;
    private final ShapeRule shapeRule;
    private final ParamRule paramRule;
    private final List<String> kerasAliases;
    private final String mark;
    private final MaskUse.Rule maskRule;

    LayerKind(String kerasName, String nameBase, LayerCategory category, List<ParamSpec> params,
              int minInputs, int maxInputs, ShapeRule shapeRule, ParamRule paramRule) {
        this(kerasName, nameBase, category, params, minInputs, maxInputs, shapeRule, paramRule, List.of(),
                kerasName.substring(0, Math.min(2, kerasName.length())), p -> MaskUse.DROPS);
    }

    private LayerKind(String kerasName, String nameBase, LayerCategory category, List<ParamSpec> params,
                      int minInputs, int maxInputs, ShapeRule shapeRule, ParamRule paramRule,
                      List<String> kerasAliases, String mark, MaskUse.Rule maskRule) {
        this.kerasName = Objects.requireNonNull(kerasName);
        this.nameBase = Objects.requireNonNull(nameBase);
        this.category = Objects.requireNonNull(category);
        this.params = List.copyOf(params);
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.shapeRule = Objects.requireNonNull(shapeRule);
        this.paramRule = Objects.requireNonNull(paramRule);
        this.kerasAliases = List.copyOf(kerasAliases);
        this.mark = Objects.requireNonNull(mark);
        this.maskRule = Objects.requireNonNull(maskRule);
    }

    /** This kind, also known in files by these older Keras class names ({@code Convolution2D} for Conv2D). */
    LayerKind aka(String... aliases) {
        return new LayerKind(kerasName, nameBase, category, params, minInputs, maxInputs, shapeRule, paramRule,
                List.of(aliases), mark, maskRule);
    }

    /** This kind, drawn with this short text on its icon ({@code 2D}, {@code LSTM}, {@code +}). */
    LayerKind mark(String text) {
        return new LayerKind(kerasName, nameBase, category, params, minInputs, maxInputs, shapeRule, paramRule,
                kerasAliases, text, maskRule);
    }

    /** This kind, doing this with Keras's step mask whatever its parameters. */
    LayerKind masks(MaskUse use) {
        return masks(p -> use);
    }

    /** This kind, doing with Keras's step mask what the rule says for a node's parameters. */
    LayerKind masks(MaskUse.Rule rule) {
        return new LayerKind(kerasName, nameBase, category, params, minInputs, maxInputs, shapeRule, paramRule,
                kerasAliases, mark, rule);
    }

    /** What a node of this kind with these parameters does with a step mask reaching it. */
    public MaskUse maskUse(LayerParams p) {
        return maskRule.of(p);
    }

    /** Older Keras class names of this kind that files still carry. */
    public List<String> kerasAliases() {
        return kerasAliases;
    }

    /** The short text on the kind's palette icon. */
    public String mark() {
        return mark;
    }

    /** The Keras class name, e.g. {@code Conv2D}; also the type shown in the summary. */
    public String kerasName() {
        return kerasName;
    }

    /** The stem of automatic layer names, as Keras makes them: {@code conv2d}, {@code conv2d_1}. */
    public String nameBase() {
        return nameBase;
    }

    public LayerCategory category() {
        return category;
    }

    public List<ParamSpec> params() {
        return params;
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public LayerParams defaults() {
        return LayerParams.defaultsOf(params);
    }

    public int minInputs() {
        return minInputs;
    }

    public int maxInputs() {
        return maxInputs;
    }

    /** An Input layer: it starts the graph and takes no inputs. */
    public boolean isInput() {
        return maxInputs == 0;
    }

    /** A merge such as Add or Concatenate: it joins several branches (Keras calls it on a list of them). */
    public boolean isMerge() {
        return category == LayerCategory.MERGE;
    }

    /**
     * Keras calls it as {@code layer(query, value[, key])}, each input its own argument and a lone query passed
     * again as the value (MultiHeadAttention's self-attention), so keras.Sequential cannot hold it.
     */
    public boolean takesQueryAndValue() {
        return acceptsSeveralInputs() && !isMerge();
    }

    /** Whether it may read more than one input (the merges; MultiHeadAttention's query, value and key). */
    public boolean acceptsSeveralInputs() {
        return maxInputs > 1;
    }

    /** The output shape; for a layer distributed over steps ({@link TimeDistribution}), one step's, steps in front. */
    public TensorShape outputShape(String layerName, List<TensorShape> inputs, LayerParams p) throws ShapeException {
        if (TimeDistribution.isOn(p)) {
            TensorShape step = shapeRule.outputShape(layerName, TimeDistribution.oneStep(layerName, inputs), p);
            return TimeDistribution.withSteps(inputs.get(0).dim(0), step);
        }
        return shapeRule.outputShape(layerName, inputs, p);
    }

    /** The weights; a layer distributed over steps has one step's (shared by all steps). */
    public ParamCount paramCount(List<TensorShape> inputs, TensorShape output, LayerParams p) {
        if (TimeDistribution.isOn(p)) {
            List<TensorShape> step = inputs.stream().map(TimeDistribution::stepOf).toList();
            return WeightSettings.frozenIfSo(p, paramRule.count(step, TimeDistribution.stepOf(output), p));
        }
        return WeightSettings.frozenIfSo(p, paramRule.count(inputs, output, p));
    }

    @Override
    public String toString() {
        return kerasName;
    }
}
