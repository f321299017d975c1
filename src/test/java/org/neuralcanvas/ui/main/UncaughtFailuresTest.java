package org.neuralcanvas.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuralcanvas.project.AppFolders;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.common.I18n;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A failure nobody caught, on a background thread or the JavaFX thread, is one sentence in a dialog. */
@ExtendWith(ApplicationExtension.class)
class UncaughtFailuresTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aBackgroundThreadsFailureIsShownOnceAsASentenceWithTheLogFile() throws Exception {
        UncaughtFailures handler = new UncaughtFailures(dialogs, () -> new I18n(Locale.ENGLISH));
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("the dataset cache is not readable");
        }, "worker");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        String shown = dialogs.errors.get(0);
        assertTrue(shown.contains("the dataset cache is not readable"), shown);
        assertTrue(shown.contains(AppFolders.logFile().toString()), shown);
        assertFalse(shown.contains("Exception") || shown.contains("\tat "), shown);
    }

    @Test
    void theSentenceSpeaksTheWindowsLanguage() {
        // As MainWindow does for a Chinese window: sentences from below the UI follow the display locale.
        Locale saved = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
        try {
            UncaughtFailures handler = new UncaughtFailures(dialogs, () -> new I18n(Locale.SIMPLIFIED_CHINESE));
            String sentence = handler.message(new NullPointerException());
            assertTrue(sentence.startsWith("NeuralCanvas 遇到了意外的问题：没有描述的内部错误"), sentence);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, saved);
        }
    }
}
