package org.neuralcanvas.ui.main;

/** The questions and messages the window puts to the user; tests answer them without dialogs. */
public interface Prompts {

    /** The answer to "save your changes first?". */
    enum UnsavedAnswer { SAVE, DISCARD, CANCEL }

    UnsavedAnswer askSaveChanges(String documentName);

    /** Offers to restore work autosaved before a crash; true to restore. */
    boolean offerRecovery();

    /** Shows a failure as the sentence that explains it. */
    void showError(String title, String message);
}
