package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.Prompts;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.neuralcanvas.domain.text.FailureReasons;
import org.neuralcanvas.project.AppFolders;
import org.neuralcanvas.ui.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's one catch-all: an exception no code caught, on the JavaFX thread or any background thread, is
 * logged in full and shown as one sentence with the log file's place, instead of a trace on the console and a
 * window that silently stops reacting. One dialog at a time: a failure that repeats on every pulse does not
 * open a dialog per pulse.
 */
final class UncaughtFailures implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);

    private final Prompts prompts;
    /** The window's language now (it can change while the app runs). */
    private final Supplier<I18n> i18n;
    private final AtomicBoolean showing = new AtomicBoolean();

    UncaughtFailures(Prompts prompts, Supplier<I18n> i18n) {
        this.prompts = prompts;
        this.i18n = i18n;
    }

    /** For every thread of the process, and for the JavaFX thread, which keeps a handler of its own. */
    static void install(Prompts prompts, Supplier<I18n> i18n) {
        UncaughtFailures handler = new UncaughtFailures(prompts, i18n);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(handler));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.error("Unexpected failure on thread {}", thread.getName(), failure);
        String sentence = message(failure);
        Runnable show = () -> {
            if (showing.compareAndSet(false, true)) {
                try {
                    prompts.showError(i18n.get().get("error.unexpected.title"), sentence);
                } finally {
                    showing.set(false);
                }
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    String message(Throwable failure) {
        return i18n.get().format("error.unexpected.message", FailureReasons.of(failure), AppFolders.logFile().toString());
    }
}
