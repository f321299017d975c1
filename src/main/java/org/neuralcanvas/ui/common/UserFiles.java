package org.neuralcanvas.ui.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.neuralcanvas.project.AtomicFiles;

/**
 * What the app remembers between starts, in one folder ({@code ~/.neuralcanvas}, or the system
 * property {@code neuralcanvas.home} for tests): settings (language, recent files, hidden side panels) and the
 * autosave recovery file. Failing to write here never stops the user's work.
 */
public final class UserFiles {

    private static final int MAX_RECENT = 8;

    private final Path home;
    private final Properties settings = new Properties();

    public UserFiles(Path home) {
        this.home = home;
        Path file = home.resolve("settings.properties");
        if (Files.isRegularFile(file)) {
            try {
                settings.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // Unreadable settings: start from defaults; the file is rewritten on the next change.
                settings.clear();
            }
        }
    }

    /** The folder chosen by {@code neuralcanvas.home}, else {@code ~/.neuralcanvas}. */
    public static UserFiles standard() {
        return new UserFiles(org.neuralcanvas.project.AppFolders.home());
    }

    public Path home() {
        return home;
    }

    /** Where autosave keeps the unsaved work of the open project. */
    public Path recoveryFile() {
        return home.resolve("recovery.ncproj.json");
    }

    public Locale language() {
        String tag = settings.getProperty("language", "");
        return tag.isEmpty() ? (Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH)
                : Locale.forLanguageTag(tag);
    }

    public void setLanguage(Locale locale) {
        settings.setProperty("language", locale.toLanguageTag());
        store();
    }

    /** Whether a side panel of the window ({@code palette}, {@code side}) is shown; shown unless the user hid it. */
    public boolean panelShown(String panel) {
        return !"false".equals(settings.getProperty("panel." + panel + ".shown"));
    }

    public void setPanelShown(String panel, boolean shown) {
        settings.setProperty("panel." + panel + ".shown", Boolean.toString(shown));
        store();
    }

    /** Recently opened or saved files, newest first. */
    public List<Path> recentFiles() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = settings.getProperty("recent." + i);
            if (p != null) {
                list.add(Path.of(p));
            }
        }
        return list;
    }

    public void addRecentFile(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                settings.setProperty("recent." + i, list.get(i).toString());
            } else {
                settings.remove("recent." + i);
            }
        }
        store();
    }

    private void store() {
        try {
            StringWriter out = new StringWriter();
            settings.store(out, "NeuralCanvas settings");
            AtomicFiles.writeString(home.resolve("settings.properties"), out.toString());
        } catch (IOException e) {
            // Settings are a convenience: a read-only home folder must not interrupt editing.
        }
    }
}
