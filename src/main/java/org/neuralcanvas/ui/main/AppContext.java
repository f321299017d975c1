package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.common.AppThreads;
import org.neuralcanvas.ui.document.Feature;
import org.neuralcanvas.ui.document.Prompts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.project.templates.Templates;
import org.neuralcanvas.ui.common.Icons;
import org.neuralcanvas.ui.common.UserFiles;

/**
 * The composition root: builds the services once and hands them to constructors. Nothing in
 * the UI reaches for a static instance. Tests build one with their own home folder, an inline
 * executor and scripted dialogs.
 */
public final class AppContext {

    private final UserFiles userFiles;
    private final Executor background;
    private final ExecutorService ownedExecutor;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final Templates templates = new Templates();
    private final Icons icons = new Icons();
    private final List<Feature> features = new ArrayList<>();
    private FileDialogs fileDialogs;
    private Prompts prompts;

    private AppContext(UserFiles userFiles, Executor background, ExecutorService owned) {
        this.userFiles = userFiles;
        this.background = background;
        this.ownedExecutor = owned;
    }

    /** The app as started by a person: ~/.neuralcanvas (or -Dneuralcanvas.home), one I/O thread, real dialogs. */
    public static AppContext standard() {
        ExecutorService io = AppThreads.single("io");
        return new AppContext(UserFiles.standard(), io, io);
    }

    /** For tests: given files, executor and dialogs (dialogs may be null for the real ones). */
    public static AppContext of(UserFiles userFiles, Executor background, FileDialogs dialogs, Prompts prompts) {
        AppContext ctx = new AppContext(userFiles, background, null);
        ctx.fileDialogs = dialogs;
        ctx.prompts = prompts;
        return ctx;
    }

    public UserFiles userFiles() {
        return userFiles;
    }

    public Executor background() {
        return background;
    }

    public LayerCatalog catalog() {
        return catalog;
    }

    public Templates templates() {
        return templates;
    }

    public Icons icons() {
        return icons;
    }

    FileDialogs fileDialogs() {
        return fileDialogs;
    }

    /** The questions and error messages of the window (scripted in tests). */
    public Prompts prompts() {
        return prompts;
    }

    void useDialogs(FileDialogs dialogs, Prompts prompts) {
        if (this.fileDialogs == null) {
            this.fileDialogs = dialogs;
        }
        if (this.prompts == null) {
            this.prompts = prompts;
        }
    }

    /**
     * Adds menus, tabs or panels to every build of the main window (the Train panel, the Export
     * menu); features are installed again when the window is rebuilt for another language.
     */
    public void addFeature(Feature feature) {
        features.add(feature);
    }

    List<Feature> features() {
        return List.copyOf(features);
    }

    /**
     * App exit: each feature stops what it runs and ends its threads, then the I/O thread ends after the work queued
     * so far (autosave deletes) is done.
     */
    public void shutdown() {
        for (Feature feature : features) {
            try {
                feature.shutdown();
            } catch (RuntimeException e) {
                // One feature failing to stop must not keep the others (or the autosave) from stopping.
                org.slf4j.LoggerFactory.getLogger(AppContext.class).warn("A feature did not shut down cleanly", e);
            }
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                // The I/O thread is a daemon: give a pending autosave write or delete a moment to finish.
                ownedExecutor.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
