package org.neuralcanvas.dataset.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DatasetLoader;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.RawDataset;

/**
 * The scikit-learn tables as Debian's python3-sklearn ships them: comma-separated numbers, the
 * target in the last column, after {@code headerLines} lines of header (iris, wine and breast
 * cancer have one, Boston housing two, digits none). Split 80/20 by {@link Holdout}.
 */
public final class TableLoader implements DatasetLoader {

    private final String fileName;
    private final int headerLines;

    /**
     * @param fileName    the file in the dataset's cache folder, e.g. "iris.csv" (".gz" is inflated)
     * @param headerLines lines to skip before the numbers
     */
    public TableLoader(String fileName, int headerLines) {
        this.fileName = fileName;
        this.headerLines = headerLines;
    }

    @Override
    public RawDataset load(DatasetDescriptor d, DatasetCache cache) throws DatasetException {
        var file = cache.verifiedFile(d, fileName);
        String text = new String(CachedFiles.readAll(d, file), StandardCharsets.US_ASCII);
        List<float[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = headerLines; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",");
            float[] row = new float[cells.length];
            try {
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Float.parseFloat(cells[c].trim());
                }
            } catch (NumberFormatException e) {
                throw CachedFiles.unreadable(d, file, "line " + (i + 1) + " is not all numbers", e);
            }
            rows.add(row);
        }
        int[] shape = d.shape(d.defaultLayout());
        int width = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != width + 1) {
                throw CachedFiles.unreadable(d, file, "row " + (r + 1) + " has " + rows.get(r).length
                        + " columns, not " + (width + 1), null);
            }
        }
        if (rows.size() != d.trainCount() + d.testCount()) {
            throw CachedFiles.unreadable(d, file, "it has " + rows.size() + " rows, not "
                    + (d.trainCount() + d.testCount()), null);
        }
        int[] order = Holdout.permutation(rows.size(), Holdout.SEED);
        int nTrain = Holdout.trainCount(rows.size());
        return new RawDataset(d,
                split(d, rows, order, 0, nTrain, shape, width),
                split(d, rows, order, nTrain, rows.size(), shape, width),
                List.of());
    }

    private static DenseSplit split(DatasetDescriptor d, List<float[]> rows, int[] order, int from, int to,
                                    int[] shape, int width) {
        int n = to - from;
        float[] x = new float[n * width];
        int[] labels = d.numClasses() > 0 ? new int[n] : null;
        float[] targets = d.numClasses() > 0 ? null : new float[n];
        for (int i = 0; i < n; i++) {
            float[] row = rows.get(order[from + i]);
            System.arraycopy(row, 0, x, i * width, width);
            if (labels != null) {
                labels[i] = Math.round(row[width]);
            } else {
                targets[i] = row[width];
            }
        }
        return new DenseSplit(x, shape, labels, targets);
    }
}
