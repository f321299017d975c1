package org.neuralcanvas.dataset.own;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.neuralcanvas.dataset.DatasetException;

/**
 * The user's own dataset in use, loaded once. Only the latest is kept (with, for a CSV, its table of cells, so that
 * choosing another target column makes the dataset again without reading the file again): nothing is held twice,
 * and a dataset given up is left to the garbage collector. The checksum the project keeps is checked on every read:
 * a changed or missing file is a sentence, never stale data. Thread-safe; {@link #load} blocks (reads the disk).
 */
public final class OwnDatasets {

    private OwnDataset current;
    private CsvTable table;
    private Path tablePath;
    private OwnDataSpec failedSpec;
    private String failure;

    /** The loaded dataset of this spec (with or without its checksum), if it is the one in memory. */
    public synchronized Optional<OwnDataset> loaded(OwnDataSpec spec) {
        return current != null && matches(current.spec(), spec) ? Optional.of(current) : Optional.empty();
    }

    /** Why the last attempt to load this spec failed, if it did. */
    public synchronized Optional<String> failure(OwnDataSpec spec) {
        return failedSpec != null && failedSpec.equals(spec) ? Optional.of(failure) : Optional.empty();
    }

    /**
     * Reads the file or folder (or reuses what is in memory) and makes the dataset.
     *
     * @throws DatasetException with the user's sentence: missing, changed since it was added, or not usable
     */
    public OwnDataset load(OwnDataSpec spec) throws DatasetException {
        Optional<OwnDataset> have = loaded(spec);
        if (have.isPresent()) {
            return have.get();
        }
        try {
            OwnDataset made = spec.kind() == OwnDataSpec.Kind.CSV ? csv(spec) : images(spec);
            synchronized (this) {
                current = made;
                failedSpec = null;
            }
            return made;
        } catch (DatasetException e) {
            synchronized (this) {
                failedSpec = spec;
                failure = e.getMessage();
            }
            throw e;
        }
    }

    private OwnDataset csv(OwnDataSpec spec) throws DatasetException {
        CsvTable t;
        synchronized (this) {
            t = spec.path().equals(tablePath) && table != null && (spec.sha256().isEmpty()
                    || spec.sha256().equals(table.sha256())) ? table : null;
        }
        if (t == null) {
            synchronized (this) {
                table = null; // the old table goes before the new file is read
                tablePath = null;
                current = null;
            }
            byte[] bytes = read(spec.path());
            t = CsvTable.parse(bytes, spec.name());
            checkUnchanged(spec, t.sha256());
            synchronized (this) {
                table = t;
                tablePath = spec.path();
            }
        }
        if (spec.heldOut() == null) {
            return CsvDataset.make(t, spec);
        }
        // The held-out table is small next to the training one and read each time: only the training table is kept.
        OwnDataSpec.HeldOut h = spec.heldOut();
        CsvTable held = CsvTable.parse(read(h.path()), h.name());
        if (!h.sha256().isEmpty() && !h.sha256().equals(held.sha256())) {
            throw OwnDataSentences.unreadable("own.changed.file", h.path().toString(),
                    h.sha256().substring(0, Math.min(12, h.sha256().length())), held.sha256().substring(0, 12));
        }
        return CsvDataset.make(t, spec, held);
    }

    private OwnDataset images(OwnDataSpec spec) throws DatasetException {
        synchronized (this) {
            current = null;
        }
        OwnDataset made = ImageFolderDataset.read(spec);
        checkUnchanged(spec, made.spec().sha256());
        return made;
    }

    private static void checkUnchanged(OwnDataSpec spec, String sha256) throws DatasetException {
        if (!spec.sha256().isEmpty() && !spec.sha256().equals(sha256)) {
            throw OwnDataSentences.unreadable(spec.kind() == OwnDataSpec.Kind.CSV ? "own.changed.file"
                    : "own.changed.folder", spec.path().toString(), spec.sha256().substring(0, Math.min(12,
                    spec.sha256().length())), sha256.substring(0, 12));
        }
    }

    private static byte[] read(Path file) throws DatasetException {
        try {
            if (!Files.exists(file)) {
                throw OwnDataSentences.unreadable("own.missing", file.toString());
            }
            if (!Files.isRegularFile(file)) {
                throw OwnDataSentences.unreadable("own.csv.notFile", file.toString());
            }
            if (Files.size(file) > CsvTable.MAX_BYTES) {
                throw OwnDataSentences.invalid("own.csv.tooLarge", file.toString(), CsvTable.MAX_BYTES / (1024 * 1024));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw OwnDataSentences.unreadable("own.unreadable", file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** The same data and options; a spec without a checksum (first added) matches the loaded one of any. */
    private static boolean matches(OwnDataSpec loaded, OwnDataSpec asked) {
        return asked.sha256().isEmpty() ? loaded.withSha256("").equals(asked) : loaded.equals(asked);
    }
}
