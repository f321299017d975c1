package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.RATE;
import static org.neuralcanvas.domain.layer.ParamKeys.STDDEV;
import static org.neuralcanvas.domain.layer.ParamSpec.floatParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/**
 * Regularization layers besides Dropout: SpatialDropout1D/2D drop whole channels (every step or pixel of a
 * channel together), GaussianNoise adds zero-mean noise. Like Dropout they act only while training.
 */
final class RegularizationLayers {

    private RegularizationLayers() {
    }

    static final LayerKind SPATIAL_DROPOUT1D = spatialDropout("SpatialDropout1D", "spatial_dropout1d", 1).mark("SD1")
            .masks(MaskUse.PASSES);
    static final LayerKind SPATIAL_DROPOUT2D = spatialDropout("SpatialDropout2D", "spatial_dropout2d", 2).mark("SD2");

    static final LayerKind GAUSSIAN_NOISE = new LayerKind("GaussianNoise", "gaussian_noise",
            LayerCategory.REGULARIZATION, List.of(floatParam(STDDEV, 0.1, 0.0, null, false).required()), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("GN").masks(MaskUse.PASSES);

    static List<LayerKind> all() {
        return List.of(SPATIAL_DROPOUT1D, SPATIAL_DROPOUT2D, GAUSSIAN_NOISE);
    }

    private static LayerKind spatialDropout(String keras, String base, int spatial) {
        return new LayerKind(keras, base, LayerCategory.REGULARIZATION,
                List.of(floatParam(RATE, 0.5, 0.0, 1.0, true).required()), 1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, keras, in, spatial + 1,
                            ConvolutionLayers.fixFor(spatial, name));
                    return x;
                },
                (in, out, p) -> ParamCount.NONE);
    }
}
