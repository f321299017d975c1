package org.neuralcanvas.engine.data;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.dataset.own.OwnDataSpec;
import org.neuralcanvas.project.DatasetChoice;

/**
 * The user's own data in a project's {@link DatasetChoice}: the dataset id {@code own:<file name>} and options that
 * keep the path and the checksum (never the data): {@code own_kind} (csv, images), {@code own_path},
 * {@code own_sha256}, and for a table {@code own_target} (the column; absent: the last) and {@code own_task} (auto,
 * regression, classification), for pictures {@code own_size} ({@code 28x28}) and {@code own_colour} (grey, rgb).
 * The other options (layout, standardise, target: inputs) mean what they mean for a bundled dataset.
 */
public final class OwnDataChoices {

    public static final String KIND = "own_kind";
    public static final String PATH = "own_path";
    public static final String SHA256 = "own_sha256";
    public static final String TARGET = "own_target";
    public static final String TASK = "own_task";
    public static final String SIZE = "own_size";
    public static final String COLOUR = "own_colour";
    /** A CSV table's held-out table (validation_data), and its checksum. */
    public static final String HELD_OUT = "own_held_out";
    public static final String HELD_OUT_SHA256 = "own_held_out_sha256";

    private OwnDataChoices() {
    }

    public static boolean isOwn(DatasetChoice choice) {
        return choice != null && choice.options().containsKey(PATH);
    }

    /** The spec a choice names, or empty when it names no own data or its path cannot be a path here. */
    public static Optional<OwnDataSpec> spec(DatasetChoice choice) {
        if (!isOwn(choice)) {
            return Optional.empty();
        }
        Map<String, String> o = choice.options();
        try {
            Path path = Path.of(o.get(PATH));
            boolean images = "images".equalsIgnoreCase(o.getOrDefault(KIND, "csv").trim());
            OwnDataSpec.Task task = switch (o.getOrDefault(TASK, "auto").trim().toLowerCase(Locale.ROOT)) {
                case "regression" -> OwnDataSpec.Task.REGRESSION;
                case "classification" -> OwnDataSpec.Task.CLASSIFICATION;
                default -> OwnDataSpec.Task.AUTO;
            };
            int[] size = size(o.getOrDefault(SIZE, ""));
            OwnDataSpec.HeldOut heldOut = images || !o.containsKey(HELD_OUT) ? null
                    : new OwnDataSpec.HeldOut(Path.of(o.get(HELD_OUT)), o.getOrDefault(HELD_OUT_SHA256, ""));
            return Optional.of(new OwnDataSpec(images ? OwnDataSpec.Kind.IMAGES : OwnDataSpec.Kind.CSV, path,
                    o.getOrDefault(SHA256, ""), o.getOrDefault(TARGET, ""), task, size[0], size[1],
                    "rgb".equalsIgnoreCase(o.getOrDefault(COLOUR, "grey").trim()), heldOut));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The choice that keeps a spec, with the preprocessing options of {@code keep} that are not the spec's. */
    public static DatasetChoice choice(OwnDataSpec spec, Map<String, String> keep) {
        Map<String, String> o = new HashMap<>(keep);
        o.keySet().removeIf(k -> k.startsWith("own_"));
        o.put(KIND, spec.kind() == OwnDataSpec.Kind.CSV ? "csv" : "images");
        o.put(PATH, spec.path().toString());
        o.put(SHA256, spec.sha256());
        if (spec.kind() == OwnDataSpec.Kind.CSV) {
            if (!spec.target().isEmpty()) {
                o.put(TARGET, spec.target());
            }
            o.put(TASK, spec.task().name().toLowerCase(Locale.ROOT));
            if (spec.heldOut() != null) {
                o.put(HELD_OUT, spec.heldOut().path().toString());
                o.put(HELD_OUT_SHA256, spec.heldOut().sha256());
            }
        } else {
            o.put(SIZE, spec.height() + "x" + spec.width());
            o.put(COLOUR, spec.rgb() ? "rgb" : "grey");
        }
        return new DatasetChoice("own:" + spec.name(), o);
    }

    private static int[] size(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("[x×, ]+");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
            if (parts.length == 1 && !parts[0].isBlank()) {
                int s = Integer.parseInt(parts[0].trim());
                return new int[] {s, s};
            }
        } catch (NumberFormatException e) {
            // falls through to the default size
        }
        return new int[] {OwnDataSpec.DEFAULT_SIZE, OwnDataSpec.DEFAULT_SIZE};
    }
}
