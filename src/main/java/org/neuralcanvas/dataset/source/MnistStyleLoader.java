package org.neuralcanvas.dataset.source;

import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DatasetLoader;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.RawSplit;

import java.util.List;

/**
 * MNIST and Fashion-MNIST: the four original IDX files (train/t10k images and labels) in the
 * dataset's cache folder. Pixels come out as raw 0..255 floats, channels-last (28, 28, 1).
 */
public final class MnistStyleLoader implements DatasetLoader {

    @Override
    public RawDataset load(DatasetDescriptor d, DatasetCache cache) throws DatasetException {
        RawSplit train = split(d, cache, "train");
        RawSplit test = split(d, cache, "t10k");
        return new RawDataset(d, train, test, List.of());
    }

    private static DenseSplit split(DatasetDescriptor d, DatasetCache cache, String prefix) throws DatasetException {
        IdxReader.Idx images = IdxReader.read(d, cache.verifiedFile(d, prefix + "-images-idx3-ubyte"), 3);
        IdxReader.Idx labels = IdxReader.read(d, cache.verifiedFile(d, prefix + "-labels-idx1-ubyte"), 1);
        if (images.count() != labels.count()) {
            throw new DatasetException(DatasetException.Reason.UNREADABLE, d.displayName() + "'s " + prefix
                    + " files disagree: " + images.count() + " images but " + labels.count()
                    + " labels. Run " + DatasetCache.FETCH_COMMAND + " to fetch them again.");
        }
        byte[] px = images.bytes();
        float[] features = new float[px.length - images.offset()];
        for (int i = 0, o = images.offset(); i < features.length; i++) {
            features[i] = px[o + i] & 0xFF;
        }
        int[] y = new int[labels.count()];
        byte[] lb = labels.bytes();
        for (int i = 0; i < y.length; i++) {
            y[i] = lb[labels.offset() + i] & 0xFF;
        }
        return new DenseSplit(features, new int[] {images.dims()[1], images.dims()[2], 1}, y, null);
    }
}
