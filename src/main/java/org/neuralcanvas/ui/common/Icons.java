package org.neuralcanvas.ui.common;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.image.Image;
import org.neuralcanvas.domain.layer.LayerKind;

/**
 * The palette icons (from the repository's {@code icons/} folder, packaged under
 * {@code org/neuralcanvas/ui/icons}), loaded once and shared.
 */
public final class Icons {

    private final Map<String, Image> cache = new HashMap<>();

    /** The icon of a layer kind, or its category's icon, or null when neither is packaged. */
    public Image forKind(LayerKind kind) {
        Image image = load(kind.kerasName());
        return image != null ? image : load("category-" + kind.category().name().toLowerCase());
    }

    private Image load(String name) {
        return cache.computeIfAbsent(name, n -> {
            InputStream in = Icons.class.getResourceAsStream("/org/neuralcanvas/ui/icons/" + n + ".png");
            return in == null ? null : new Image(in);
        });
    }
}
