package org.neuralcanvas.dataset.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neuralcanvas.dataset.DatasetCache;

/**
 * Fills the dataset cache: finds the files of the checksum list that are missing or do not match, downloads
 * only the sources that hold them, refuses a download whose SHA-256 is not the pinned one, and unpacks the
 * files it needs ({@link ArchiveUnpacker}: checked, then moved into place). With the cache intact it only
 * re-hashes it and touches no network.
 */
public final class DatasetFetcher {

    private final Path root;
    private final Map<String, String> checksums;
    private final List<DatasetSource> sources;
    private final Downloader downloader;
    private final FetchListener listener;

    /** What one fetch did. */
    public record Result(List<DatasetSource> downloaded, List<String> written) {
        public Result {
            downloaded = List.copyOf(downloaded);
            written = List.copyOf(written);
        }
    }

    /**
     * @param checksums cache name ({@code mnist/train-images-idx3-ubyte}) to SHA-256; every one must be some
     *                  source's target, and every target must be in it
     */
    public DatasetFetcher(Path root, Map<String, String> checksums, List<DatasetSource> sources,
                          Downloader downloader, FetchListener listener) {
        this.root = root.toAbsolutePath().normalize();
        this.checksums = Map.copyOf(checksums);
        this.sources = List.copyOf(sources);
        this.downloader = downloader;
        this.listener = listener;
        Set<String> targets = new TreeSet<>();
        for (DatasetSource s : sources) {
            s.files().forEach(x -> targets.add(x.target()));
        }
        if (!targets.equals(new TreeSet<>(checksums.keySet()))) {
            Set<String> noSource = new TreeSet<>(checksums.keySet());
            noSource.removeAll(targets);
            Set<String> unchecked = new TreeSet<>(targets);
            unchecked.removeAll(checksums.keySet());
            throw new IllegalArgumentException("sources and checksum list disagree: no source for " + noSource
                    + ", no checksum for " + unchecked);
        }
    }

    /** The app's cache filled from {@link DatasetSources#standard()} over HTTPS. */
    public static DatasetFetcher standard(Path root, FetchListener listener) {
        return new DatasetFetcher(root, DatasetCache.bundledChecksums(), DatasetSources.standard(),
                new HttpDownloader(), listener);
    }

    public Path root() {
        return root;
    }

    /** The cache names of the files that are missing, unreadable or damaged, in name order. */
    public List<String> filesToFetch() {
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(checksums).entrySet()) {
            Path file = root.resolve(e.getKey());
            try {
                if (!Files.isRegularFile(file) || !DatasetCache.sha256(file).equals(e.getValue())) {
                    bad.add(e.getKey());
                }
            } catch (IOException unreadable) {
                bad.add(e.getKey());
            }
        }
        return bad;
    }

    /** The cache names of the files that are not there at all: a check of names only, cheap enough for a start. */
    public List<String> filesAbsent() {
        return new java.util.TreeMap<>(checksums).keySet().stream()
                .filter(name -> !Files.isRegularFile(root.resolve(name))).toList();
    }

    /** The bytes to download for these cache names: each archive that holds one of them, once. */
    public long downloadSize(List<String> files) {
        return sources.stream().filter(s -> s.files().stream().anyMatch(x -> files.contains(x.target())))
                .mapToLong(DatasetSource::size).sum();
    }

    /** Fetches what {@link #filesToFetch()} names; does nothing (offline) when that is empty. */
    public Result fetchMissing() throws FetchException {
        List<String> bad = filesToFetch();
        if (bad.isEmpty()) {
            listener.step("All " + checksums.size() + " dataset files are present and verified in " + root + ".");
            return new Result(List.of(), List.of());
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new FetchException("The dataset cache " + root + " could not be created (" + e.getMessage()
                    + "); choose a writable folder with -D" + DatasetCache.ROOT_PROPERTY + "=DIR.", e);
        }
        Map<DatasetSource, List<Extract>> plan = new LinkedHashMap<>();
        Set<String> needed = new LinkedHashSet<>(bad);
        for (DatasetSource s : sources) {
            List<Extract> take = s.files().stream().filter(x -> needed.contains(x.target())).toList();
            if (!take.isEmpty()) {
                plan.put(s, take);
            }
        }
        long bytes = plan.keySet().stream().mapToLong(DatasetSource::size).sum();
        listener.step(bad.size() + " of " + checksums.size() + " dataset files to fetch into " + root + ", from "
                + plan.size() + (plan.size() == 1 ? " download" : " downloads") + " ("
                + String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6) + ").");
        List<String> written = new ArrayList<>();
        for (Map.Entry<DatasetSource, List<Extract>> step : plan.entrySet()) {
            written.addAll(fetch(step.getKey(), step.getValue()));
        }
        listener.step("Fetched " + written.size() + " files into " + root + "; every one matches its SHA-256.");
        return new Result(List.copyOf(plan.keySet()), written);
    }

    private List<String> fetch(DatasetSource source, List<Extract> take) throws FetchException {
        listener.step("Downloading " + source.name() + " (" + source.sizeText() + ") from " + source.url() + ".");
        Path download;
        try {
            download = Files.createTempFile(root, ".download-", ".part");
        } catch (IOException e) {
            throw new FetchException("Could not write to the dataset cache " + root + " (" + e.getMessage()
                    + "); check that it is writable and has room.", e);
        }
        try {
            downloader.download(source.url(), source.size(), download, n -> listener.downloaded(source, n));
            String actual = sha256(download);
            if (!actual.equals(source.sha256())) {
                throw new FetchException("The file downloaded from " + source.url() + " does not match its pinned"
                        + " SHA-256 (expected " + source.sha256() + ", got " + actual + "), so it was refused unread;"
                        + " run the build again, and if it happens again the registry's file has changed.");
            }
            return ArchiveUnpacker.unpack(download, source, take, root, checksums);
        } finally {
            try {
                Files.deleteIfExists(download);
            } catch (IOException ignored) {
                // a stray .download-*.part is harmless and never read
            }
        }
    }

    private static String sha256(Path file) throws FetchException {
        try {
            return DatasetCache.sha256(file);
        } catch (IOException e) {
            throw new FetchException("The downloaded file " + file + " could not be read back (" + e.getMessage()
                    + "); check the disk and run the build again.", e);
        }
    }
}
