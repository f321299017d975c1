package org.neuralcanvas.engine.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the parts of an HDF5 file a Keras model uses: string attributes, groups and
 * float arrays. Built on jHDF, which is plain Java: a damaged file gives an exception, never a
 * native crash. Every array's size is checked against the caller's limit before any of its data
 * is read, so a header claiming absurd sizes allocates nothing.
 */
final class Hdf5Reader implements AutoCloseable {

    /** A dataset that is not what the caller expected; the message names it. */
    static final class BadDataset extends Exception {
        BadDataset(String message) {
            super(message);
        }
    }

    private final HdfFile file;

    private Hdf5Reader(HdfFile file) {
        this.file = file;
    }

    static Hdf5Reader open(Path path) {
        return new Hdf5Reader(new HdfFile(path));
    }

    /** An HDF5 file held in memory (the weights inside a {@code .keras} zip). */
    static Hdf5Reader of(byte[] bytes) {
        return new Hdf5Reader(HdfFile.fromBytes(bytes));
    }

    /** An attribute as text: a string, a byte string (h5py's {@code .encode()}), or the first of an array of them. */
    Optional<String> text(String nodePath, String attribute) {
        return attribute(nodePath, attribute).map(Hdf5Reader::asTexts).filter(l -> !l.isEmpty()).map(l -> l.get(0));
    }

    /** An attribute holding a list of names, such as {@code layer_names} or {@code weight_names}; empty when absent. */
    List<String> texts(String nodePath, String attribute) {
        return attribute(nodePath, attribute).map(Hdf5Reader::asTexts).orElse(List.of());
    }

    boolean isGroup(String path) {
        Node node = node(path);
        return node != null && node.isGroup();
    }

    /** The names of a group's children, in the file's order; empty when there is no such group. */
    List<String> children(String path) {
        Node node = node(path);
        if (!(node instanceof Group group)) {
            return List.of();
        }
        return new ArrayList<>(group.getChildren().keySet());
    }

    boolean isDataset(String path) {
        return node(path) instanceof Dataset;
    }

    /**
     * A float dataset (float32 or float64) with its shape.
     *
     * @param maxElements the largest number of values the caller accepts; larger is refused before reading
     */
    KerasArray floats(String path, long maxElements) throws BadDataset {
        if (!(node(path) instanceof Dataset dataset)) {
            throw new BadDataset(path + " is not an array");
        }
        int[] dims = dataset.getDimensions();
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new BadDataset(path + " has a negative size");
            }
            count = Math.multiplyExact(count, d);
        }
        if (count > maxElements) {
            throw new BadDataset(path + " holds " + count + " values where at most " + maxElements + " fit");
        }
        Class<?> type = dataset.getJavaType();
        if (type != float.class && type != double.class) {
            throw new BadDataset(path + " holds " + type.getSimpleName() + " values, not floating-point numbers");
        }
        if (dataset.isEmpty() || count == 0) {
            return new KerasArray(path, toLongs(dims), new float[0]);
        }
        Object flat = dataset.isScalar() ? dataset.getData() : dataset.getDataFlat();
        float[] values = new float[(int) count];
        if (flat instanceof float[] f && f.length == count) {
            System.arraycopy(f, 0, values, 0, values.length);
        } else if (flat instanceof double[] d && d.length == count) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) d[i];
            }
        } else if (flat instanceof Float f && count == 1) {
            values[0] = f;
        } else if (flat instanceof Double d && count == 1) {
            values[0] = d.floatValue();
        } else {
            throw new BadDataset(path + " does not hold the " + count + " values its header announces");
        }
        return new KerasArray(path, toLongs(dims), values);
    }

    private static long[] toLongs(int[] dims) {
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = dims[i];
        }
        return shape;
    }

    private Optional<Attribute> attribute(String nodePath, String name) {
        Node node = node(nodePath);
        if (node == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(node.getAttributes().get(name));
    }

    private Node node(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return file;
        }
        try {
            return file.getByPath(path);
        } catch (HdfInvalidPathException e) {
            return null;
        } catch (io.jhdf.exceptions.HdfException e) {
            // jHDF 0.9.4 fails to build its "no such path" message for a file read from memory (a .keras zip's
            // weights) and throws this instead: the path is not there either way.
            return null;
        }
    }

    private static List<String> asTexts(Attribute attribute) {
        List<String> out = new ArrayList<>();
        collect(attribute.getData(), out);
        return out;
    }

    private static void collect(Object data, List<String> out) {
        if (data == null) {
            return;
        }
        if (data instanceof String s) {
            out.add(s);
        } else if (data instanceof byte[] bytes) {
            out.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (data.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(data); i++) {
                collect(Array.get(data, i), out);
            }
        } else {
            out.add(String.valueOf(data));
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
