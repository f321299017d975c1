package org.neuralcanvas.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder the build's fetch step fills ({@code ~/.neuralcanvas/datasets} unless the system
 * property {@value #ROOT_PROPERTY} says otherwise), one sub-folder per dataset. Every file is
 * checked against the SHA-256 in {@code checksums.sha256} (the same list the build's fetch step,
 * {@code dataset.fetch.DatasetFetcher}, checks) before it is read, so a partial or damaged file is reported, never trained on.
 * Nothing here downloads: at run time the app works offline.
 */
public final class DatasetCache {

    /** System property that moves the cache root, for tests and unusual set-ups. */
    public static final String ROOT_PROPERTY = "neuralcanvas.datasets.dir";

    /**
     * The command that fills the cache (the build's fetch step, {@code dataset.fetch.FetchDatasets}, runs in
     * {@code process-classes}); quoted in every "not there" message.
     */
    public static final String FETCH_STEP = "mvn -B -ntp process-classes";
    public static final String SETUP_COMMAND = "mvn -B -ntp verify";
    public static final String FETCH_COMMAND = "`" + FETCH_STEP + "` (part of the set-up command `" + SETUP_COMMAND + "`)";

    private static final String CHECKSUMS_RESOURCE = "checksums.sha256";

    private final Path root;
    private final Map<String, String> expectedSha256; // "mnist/train-images-idx3-ubyte" -> hex

    public DatasetCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.expectedSha256 = readChecksums();
    }

    /** The cache the build fills, or the one {@value #ROOT_PROPERTY} points at. */
    public static DatasetCache atDefaultLocation() {
        String configured = System.getProperty(ROOT_PROPERTY);
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".neuralcanvas", "datasets");
        return new DatasetCache(root);
    }

    public Path root() {
        return root;
    }

    /** The cache-relative names of a dataset's files, e.g. "mnist/t10k-labels-idx1-ubyte". */
    public List<String> filesOf(String datasetId) {
        List<String> files = new ArrayList<>();
        for (String name : expectedSha256.keySet()) {
            if (name.startsWith(datasetId + "/")) {
                files.add(name);
            }
        }
        return files;
    }

    /**
     * A string that changes whenever any of the dataset's expected files changes: their
     * SHA-256s joined. Data derived from verified files (e.g. tokenised text) is keyed by it.
     */
    public String fingerprint(String datasetId) {
        StringBuilder b = new StringBuilder();
        for (String name : filesOf(datasetId)) {
            b.append(expectedSha256.get(name)).append(';');
        }
        return b.toString();
    }

    /** Where derived data of a dataset may be kept, e.g. "imdb/encoded-v1.bin". */
    public Path derivedFile(String datasetId, String fileName) {
        return root.resolve(datasetId).resolve(fileName);
    }

    /**
     * Checks that every file of the dataset is present and matches its SHA-256.
     *
     * @throws DatasetException NOT_IN_CACHE when a file is missing, CORRUPT when one does not match
     */
    public void verify(DatasetDescriptor dataset) throws DatasetException {
        for (String name : filesOf(dataset.id())) {
            verifiedFile(dataset, name.substring(dataset.id().length() + 1));
        }
    }

    /**
     * True when every file of the dataset is in the cache, without checking its SHA-256 (that is for training
     * itself): cheap enough for the Train panel to ask on every change; never throws.
     */
    public boolean isPresent(DatasetDescriptor dataset) {
        List<String> files = filesOf(dataset.id());
        return !files.isEmpty() && files.stream().allMatch(name -> Files.isRegularFile(root.resolve(name)));
    }

    /** True when every file of the dataset is present and intact; never throws. */
    public boolean isReady(DatasetDescriptor dataset) {
        try {
            verify(dataset);
            return !filesOf(dataset.id()).isEmpty();
        } catch (DatasetException e) {
            return false;
        }
    }

    /**
     * The path of one of the dataset's files, after checking it against its SHA-256.
     *
     * @param fileName the name inside the dataset's folder, e.g. "train-images-idx3-ubyte"
     */
    public Path verifiedFile(DatasetDescriptor dataset, String fileName) throws DatasetException {
        String key = dataset.id() + "/" + fileName;
        String expected = expectedSha256.get(key);
        if (expected == null) {
            throw new IllegalArgumentException(key + " is not in " + CHECKSUMS_RESOURCE);
        }
        Path file = root.resolve(dataset.id()).resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(DatasetException.Reason.NOT_IN_CACHE,
                    dataset.displayName() + " is not in the dataset cache (" + root.resolve(dataset.id())
                            + " has no " + fileName + "). Run " + FETCH_COMMAND + " to fetch it.");
        }
        String actual;
        try {
            actual = sha256(file);
        } catch (IOException e) {
            throw new DatasetException(DatasetException.Reason.UNREADABLE,
                    "The cached file " + file + " of " + dataset.displayName() + " could not be read ("
                            + e.getMessage() + "). Check its permissions, or delete it and run "
                            + FETCH_COMMAND + " to fetch it again.", e);
        }
        if (!actual.equals(expected)) {
            throw new DatasetException(DatasetException.Reason.CORRUPT,
                    "The cached copy of " + dataset.displayName() + " is damaged: " + file
                            + " does not match its SHA-256 checksum (a partial or corrupted download). Run "
                            + FETCH_COMMAND + ", which fetches it again.");
        }
        return file;
    }

    /** The checksum list every cache is checked against: cache name ("mnist/...") to hex SHA-256. */
    public static Map<String, String> bundledChecksums() {
        return java.util.Collections.unmodifiableMap(readChecksums());
    }

    /** Hex SHA-256 of a file, read in large direct chunks so hashing keeps up with the disk. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Map<String, String> readChecksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        try (InputStream in = DatasetCache.class.getResourceAsStream(CHECKSUMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CHECKSUMS_RESOURCE + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                // sha256sum format: "<hex>  <path>"
                int gap = line.indexOf(' ');
                sums.put(line.substring(gap).strip(), line.substring(0, gap));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + CHECKSUMS_RESOURCE, e);
        }
        return sums;
    }
}
