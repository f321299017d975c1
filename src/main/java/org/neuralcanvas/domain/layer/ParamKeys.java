package org.neuralcanvas.domain.layer;

import java.util.List;

/**
 * The layer parameters by their Keras names, typed. Declarations build their {@link ParamSpec}s from
 * these keys and every reader (compiler, weight loader, exporters) asks {@link LayerParams#get(ParamKey)}
 * with them, so a parameter's name is written once.
 */
public final class ParamKeys {

    public static final ParamKey<List<Integer>> SHAPE = ParamKey.ofTuple("shape");
    public static final ParamKey<Integer> UNITS = ParamKey.ofInt("units");
    public static final ParamKey<String> ACTIVATION = ParamKey.ofString("activation");
    public static final ParamKey<String> RECURRENT_ACTIVATION = ParamKey.ofString("recurrent_activation");
    public static final ParamKey<Boolean> USE_BIAS = ParamKey.ofBool("use_bias");
    public static final ParamKey<String> KERNEL_INITIALIZER = ParamKey.ofString("kernel_initializer");
    public static final ParamKey<String> BIAS_INITIALIZER = ParamKey.ofString("bias_initializer");
    public static final ParamKey<Boolean> TRAINABLE = ParamKey.ofBool("trainable");
    public static final ParamKey<String> KERNEL_REGULARIZER = ParamKey.ofString("kernel_regularizer");
    public static final ParamKey<String> BIAS_REGULARIZER = ParamKey.ofString("bias_regularizer");
    public static final ParamKey<String> ACTIVITY_REGULARIZER = ParamKey.ofString("activity_regularizer");
    public static final ParamKey<Double> RATE = ParamKey.ofDouble("rate");
    public static final ParamKey<Double> STDDEV = ParamKey.ofDouble("stddev");
    public static final ParamKey<List<Integer>> TARGET_SHAPE = ParamKey.ofTuple("target_shape");
    public static final ParamKey<List<Integer>> DIMS = ParamKey.ofTuple("dims");
    public static final ParamKey<Integer> INPUT_DIM = ParamKey.ofInt("input_dim");
    public static final ParamKey<Boolean> MASK_ZERO = ParamKey.ofBool("mask_zero");
    public static final ParamKey<Double> MASK_VALUE = ParamKey.ofDouble("mask_value");
    public static final ParamKey<Integer> OUTPUT_DIM = ParamKey.ofInt("output_dim");
    public static final ParamKey<Double> MOMENTUM = ParamKey.ofDouble("momentum");
    public static final ParamKey<Double> EPSILON = ParamKey.ofDouble("epsilon");
    public static final ParamKey<Boolean> CENTER = ParamKey.ofBool("center");
    public static final ParamKey<Boolean> SCALE = ParamKey.ofBool("scale");
    public static final ParamKey<Integer> FILTERS = ParamKey.ofInt("filters");
    public static final ParamKey<List<Integer>> KERNEL_SIZE = ParamKey.ofTuple("kernel_size");
    public static final ParamKey<List<Integer>> STRIDES = ParamKey.ofTuple("strides");
    public static final ParamKey<String> PADDING = ParamKey.ofString("padding");
    public static final ParamKey<List<Integer>> POOL_SIZE = ParamKey.ofTuple("pool_size");
    public static final ParamKey<List<Integer>> DILATION_RATE = ParamKey.ofTuple("dilation_rate");
    public static final ParamKey<Integer> DEPTH_MULTIPLIER = ParamKey.ofInt("depth_multiplier");
    public static final ParamKey<Boolean> RETURN_SEQUENCES = ParamKey.ofBool("return_sequences");
    public static final ParamKey<Boolean> RESET_AFTER = ParamKey.ofBool("reset_after");
    public static final ParamKey<String> LAYER = ParamKey.ofString("layer");
    public static final ParamKey<String> MERGE_MODE = ParamKey.ofString("merge_mode");
    public static final ParamKey<Integer> AXIS = ParamKey.ofInt("axis");
    public static final ParamKey<Double> NEGATIVE_SLOPE = ParamKey.ofDouble("negative_slope");
    public static final ParamKey<Double> ALPHA = ParamKey.ofDouble("alpha");
    public static final ParamKey<Double> MAX_VALUE = ParamKey.ofDouble("max_value");
    public static final ParamKey<Double> THRESHOLD = ParamKey.ofDouble("threshold");
    public static final ParamKey<List<Integer>> PADDING_SIZE = ParamKey.ofTuple("padding");
    public static final ParamKey<List<Integer>> CROPPING = ParamKey.ofTuple("cropping");
    public static final ParamKey<List<Integer>> SIZE = ParamKey.ofTuple("size");
    public static final ParamKey<Integer> N = ParamKey.ofInt("n");
    public static final ParamKey<Double> OFFSET = ParamKey.ofDouble("offset");
    public static final ParamKey<List<Integer>> SHARED_AXES = ParamKey.ofTuple("shared_axes");
    public static final ParamKey<String> INTERPOLATION = ParamKey.ofString("interpolation");
    public static final ParamKey<Integer> LENGTH_FACTOR = ParamKey.ofInt("size");
    /** Rescaling's factor (BatchNormalization's {@code scale} is a switch: {@link #SCALE}). */
    public static final ParamKey<Double> SCALE_FACTOR = ParamKey.ofDouble("scale");

    public static final ParamKey<Integer> NUM_HEADS = ParamKey.ofInt("num_heads");
    public static final ParamKey<Integer> KEY_DIM = ParamKey.ofInt("key_dim");
    public static final ParamKey<Integer> VALUE_DIM = ParamKey.ofInt("value_dim");
    /** A layer's own dropout of something inside it (attention weights; an LSTM's inputs), not a Dropout layer's. */
    public static final ParamKey<Double> DROPOUT = ParamKey.ofDouble("dropout");

    /** A recurrent layer's dropout of its state between steps (GRU, LSTM). */
    public static final ParamKey<Double> RECURRENT_DROPOUT = ParamKey.ofDouble("recurrent_dropout");
    /** Keras's TimeDistributed wrapper as a switch on the wrapped layer ({@link TimeDistribution}). */
    public static final ParamKey<Boolean> TIME_DISTRIBUTED = ParamKey.ofBool("time_distributed");

    private ParamKeys() {
    }
}
