package org.neuralcanvas.ui.document;

/** The questions and messages the window puts to the user; tests answer them without dialogs. */
public interface Prompts {

    /** The answer to "save your changes first?". */
    enum UnsavedAnswer { SAVE, DISCARD, CANCEL }

    /** Closing (or opening another project) while a run trains: stop it, keep its record and go on, or keep training. */
    enum RunningAnswer { STOP_AND_CLOSE, KEEP_TRAINING }

    UnsavedAnswer askSaveChanges(String documentName);

    /** Asked when the window is closed during a run. */
    RunningAnswer askStopRunning();

    /** Asked when another project (New, Open, a template, a recent file) would replace the one a run trains for. */
    RunningAnswer askStopRunningToReplace();

    /** Offers to restore work autosaved before a crash; true to restore. */
    boolean offerRecovery();

    /** Shows a failure as the sentence that explains it. */
    void showError(String title, String message);
}
