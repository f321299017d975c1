package org.neuralcanvas.domain.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences that code below the UI says to the user (a shape problem, advice on a dataset that
 * does not fit, why a run stopped), read from a bundle in the user's language: the JVM's
 * {@link Locale.Category#DISPLAY} locale, which the window sets to its own language and the command
 * line leaves as the system's. The UI's own texts live in the UI's bundles; these cannot, because
 * {@code domain} and {@code engine} never import the UI.
 *
 * <p>Patterns are {@link MessageFormat} patterns when arguments are given (a literal ' is written '').
 */
public final class Sentences {

    /** The domain's sentences: shape problems, parameter checks, names, connections, edits. */
    public static final Sentences DOMAIN = new Sentences("org.neuralcanvas.domain.sentences");

    private final String bundle;

    /** @param bundle the bundle's base name, e.g. {@code org.neuralcanvas.domain.sentences} */
    public Sentences(String bundle) {
        this.bundle = bundle;
    }

    /** The sentence for {@code key} in the current language, with {0}, {1} ... filled in. */
    public String say(String key, Object... args) {
        Locale locale = Locale.getDefault(Locale.Category.DISPLAY);
        // No fallback to the JVM's default locale: English is the base bundle, whatever the machine's language.
        ResourceBundle b = ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
