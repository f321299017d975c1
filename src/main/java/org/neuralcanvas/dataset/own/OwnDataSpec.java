package org.neuralcanvas.dataset.own;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which of the user's own files a dataset is made of, and how: what a project keeps of it (by path and checksum,
 * never the data itself).
 *
 * @param kind     a CSV table or a folder of images
 * @param path     the file or folder, absolute
 * @param sha256   its checksum when it was added (hex; for a folder, of its image files' names and checksums);
 *                 empty before the first load, which computes it
 * @param target   CSV: the target column's name; empty for the last column
 * @param task     CSV: the task, or {@link Task#AUTO} to decide from the target column
 * @param height   images: the height every picture is resized to
 * @param width    images: the width
 * @param rgb      images: three colour channels, else one grey channel
 * @param heldOut  CSV: a second table with the same columns that validates (and tests) instead of a part of the
 *                 first one, Keras's {@code validation_data}; null for none
 */
public record OwnDataSpec(Kind kind, Path path, String sha256, String target, Task task, int height, int width,
                          boolean rgb, HeldOut heldOut) {

    /** A held-out table: its path and, once read, its checksum (empty before). */
    public record HeldOut(Path path, String sha256) {
        public HeldOut {
            Objects.requireNonNull(path);
            path = path.toAbsolutePath().normalize();
            sha256 = sha256 == null ? "" : sha256;
        }

        public String name() {
            Path f = path.getFileName();
            return f == null ? path.toString() : f.toString();
        }
    }

    /** Without a held-out table. */
    public OwnDataSpec(Kind kind, Path path, String sha256, String target, Task task, int height, int width,
                       boolean rgb) {
        this(kind, path, sha256, target, task, height, width, rgb, null);
    }

    /** The kinds of own data. */
    public enum Kind { CSV, IMAGES }

    /** What the model learns from a CSV table's target column. */
    public enum Task {
        /** Regression when the target is numeric with many different values, classification otherwise. */
        AUTO,
        REGRESSION,
        CLASSIFICATION
    }

    /** The picture size offered first: MNIST's. */
    public static final int DEFAULT_SIZE = 28;

    public OwnDataSpec {
        Objects.requireNonNull(kind);
        path = path.toAbsolutePath().normalize();
        sha256 = sha256 == null ? "" : sha256;
        target = target == null ? "" : target;
        task = task == null ? Task.AUTO : task;
        if (kind == Kind.IMAGES && (height < 1 || width < 1)) {
            height = DEFAULT_SIZE;
            width = DEFAULT_SIZE;
        }
    }

    public static OwnDataSpec csv(Path file) {
        return new OwnDataSpec(Kind.CSV, file, "", "", Task.AUTO, 0, 0, false);
    }

    public static OwnDataSpec images(Path folder) {
        return new OwnDataSpec(Kind.IMAGES, folder, "", "", Task.AUTO, DEFAULT_SIZE, DEFAULT_SIZE, false);
    }

    public OwnDataSpec withSha256(String v) {
        return new OwnDataSpec(kind, path, v, target, task, height, width, rgb, heldOut);
    }

    public OwnDataSpec withTarget(String column, Task t) {
        return new OwnDataSpec(kind, path, sha256, column, t, height, width, rgb, heldOut);
    }

    public OwnDataSpec withImages(int h, int w, boolean colour) {
        return new OwnDataSpec(kind, path, sha256, target, task, h, w, colour, heldOut);
    }

    /** With a held-out table that validates instead of a part of this one (null: none). */
    public OwnDataSpec withHeldOut(HeldOut h) {
        return new OwnDataSpec(kind, path, sha256, target, task, height, width, rgb, h);
    }

    /** The file or folder name the user sees. */
    public String name() {
        Path f = path.getFileName();
        return f == null ? path.toString() : f.toString();
    }
}
