package org.neuralcanvas.dataset.own;

import static org.neuralcanvas.dataset.own.OwnDataSentences.SAY;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.TaskKind;
import org.neuralcanvas.dataset.source.Holdout;

/**
 * A folder of pictures, one sub-folder per class (Keras's {@code image_dataset_from_directory} layout), made into an
 * image dataset: classes are the sub-folders' names in alphabetical order; each picture is read by
 * {@code javax.imageio} (PNG, JPEG, GIF, BMP), resized to the chosen size with bilinear filtering and kept as grey
 * (ITU-R 601 luma) or RGB pixel values 0..255, channels-last. Split 80/20 with seed 113 as the bundled tables.
 * Every file is read once: its bytes are hashed (the folder's checksum) and decoded from the same array. A file
 * that is no picture is named and left out; files beside the class folders are ignored and counted.
 */
public final class ImageFolderDataset {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    /** Pixel values held at most (1 GB of floats): more pictures of that size would not fit a desktop's memory. */
    public static final long MAX_VALUES = 256L * 1024 * 1024;
    /** A single picture file larger than this is not read: no photo needs it at the sizes a network is given. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The largest side a picture may be resized to. */
    public static final int MAX_SIDE = 512;

    private ImageFolderDataset() {
    }

    public static OwnDataset read(OwnDataSpec spec) throws DatasetException {
        Path root = spec.path();
        String name = spec.name();
        if (!Files.isDirectory(root)) {
            throw OwnDataSentences.unreadable(Files.exists(root) ? "own.images.notFolder" : "own.missing", root.toString());
        }
        if (spec.height() > MAX_SIDE || spec.width() > MAX_SIDE) {
            throw OwnDataSentences.invalid("own.images.tooLargeSize", spec.height(), spec.width(), MAX_SIDE);
        }
        List<Path> classFolders = new ArrayList<>();
        int loose = 0;
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    classFolders.add(p);
                } else if (isImage(p)) {
                    loose++;
                }
            }
        } catch (IOException e) {
            throw OwnDataSentences.unreadable("own.images.unlisted", root.toString(), String.valueOf(e.getMessage()));
        }
        List<String> classes = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        long count = 0;
        for (Path folder : classFolders) {
            List<Path> pictures;
            try (Stream<Path> s = Files.list(folder)) {
                pictures = s.filter(ImageFolderDataset::isImage).sorted().toList();
            } catch (IOException e) {
                throw OwnDataSentences.unreadable("own.images.unlisted", folder.toString(), String.valueOf(e.getMessage()));
            }
            if (!pictures.isEmpty()) {
                classes.add(folder.getFileName().toString());
                files.add(pictures);
                count += pictures.size();
            }
        }
        if (classes.size() < 2) {
            throw OwnDataSentences.invalid("own.images.classes", name, classes.size());
        }
        int channels = spec.rgb() ? 3 : 1;
        long values = count * spec.height() * spec.width() * channels;
        if (values > MAX_VALUES) {
            throw OwnDataSentences.invalid("own.images.tooMany", name, count, spec.height(), spec.width(), channels);
        }
        int pixels = spec.height() * spec.width() * channels;
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        FileDigest.Listing listing = new FileDigest.Listing();
        for (int c = 0; c < classes.size(); c++) {
            for (Path file : files.get(c)) {
                String relative = classes.get(c) + "/" + file.getFileName();
                byte[] bytes;
                try {
                    if (Files.size(file) > MAX_FILE_BYTES) {
                        bad.add(SAY.say("own.images.bad.large", relative));
                        listing.add(relative, "too-large");
                        continue;
                    }
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    bad.add(SAY.say("own.images.bad.unreadable", relative));
                    continue;
                }
                listing.add(relative, FileDigest.sha256(bytes));
                BufferedImage picture;
                try {
                    picture = ImageIO.read(new ByteArrayInputStream(bytes));
                } catch (IOException | RuntimeException e) {
                    picture = null; // a damaged file: ImageIO throws for some, returns null for others
                }
                if (picture == null || picture.getWidth() < 1 || picture.getHeight() < 1) {
                    bad.add(SAY.say("own.images.bad.notPicture", relative));
                    continue;
                }
                images.add(pixels(picture, spec.height(), spec.width(), spec.rgb()));
                labels.add(c);
            }
        }
        int n = images.size();
        if (n < CsvDataset.MIN_ROWS) {
            throw OwnDataSentences.invalid("own.images.tooFew", name, n, CsvDataset.MIN_ROWS);
        }
        int[] order = Holdout.permutation(n, Holdout.SEED);
        int nTrain = Holdout.trainCount(n);
        int[] shape = {spec.height(), spec.width(), channels};
        List<String> notes = new ArrayList<>();
        notes.add(SAY.say("own.images.summary", name, n, nTrain, n - nTrain, classes.size(), String.join(", ", classes),
                spec.height(), spec.width(), SAY.say(spec.rgb() ? "own.images.rgb" : "own.images.grey")));
        if (!bad.isEmpty()) {
            notes.add(SAY.say("own.images.badFiles", bad.size(), OwnDataSentences.list(bad)));
        }
        if (loose > 0) {
            notes.add(SAY.say("own.images.loose", loose));
        }
        Map<FeatureLayout, int[]> layouts = new LinkedHashMap<>(); // IMAGE first: a descriptor's first layout is its default
        layouts.put(FeatureLayout.IMAGE, shape);
        layouts.put(FeatureLayout.FLAT, new int[] {pixels});
        DatasetDescriptor d = new DatasetDescriptor("own:" + name, classes.size() == 2 ? TaskKind.BINARY
                : TaskKind.MULTICLASS, classes, nTrain, n - nTrain, layouts, 255f,
                SAY.say("own.source", root.toString()), SAY.say("own.licence"), false, name, String.join(" ", notes));
        RawDataset raw = new RawDataset(d, split(images, labels, order, 0, nTrain, shape),
                split(images, labels, order, nTrain, n, shape), List.of());
        return new OwnDataset(spec.withSha256(listing.sha256()), raw, notes, List.of());
    }

    private static DenseSplit split(List<float[]> images, List<Integer> labels, int[] order, int from, int to,
                                    int[] shape) {
        int n = to - from;
        int w = shape[0] * shape[1] * shape[2];
        float[] x = new float[n * w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(images.get(order[from + i]), 0, x, i * w, w);
            y[i] = labels.get(order[from + i]);
        }
        return new DenseSplit(x, shape, y, null);
    }

    /** The picture drawn at the chosen size (bilinear), as 0..255 values, channels-last. */
    static float[] pixels(BufferedImage picture, int height, int width, boolean rgb) {
        BufferedImage sized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        int channels = rgb ? 3 : 1;
        float[] out = new float[height * width * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = sized.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int gr = (p >> 8) & 0xff;
                int b = p & 0xff;
                int at = (y * width + x) * channels;
                if (rgb) {
                    out[at] = r;
                    out[at + 1] = gr;
                    out[at + 2] = b;
                } else {
                    out[at] = Math.round(0.299f * r + 0.587f * gr + 0.114f * b);
                }
            }
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return Files.isRegularFile(p) && dot > 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }
}
