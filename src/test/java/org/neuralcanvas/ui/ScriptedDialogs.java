package org.neuralcanvas.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neuralcanvas.ui.main.FileDialogs;
import org.neuralcanvas.ui.document.Prompts;

/** Answers the window's file dialogs and questions the way a test scripts them, and records errors. */
public final class ScriptedDialogs implements FileDialogs, Prompts {

    public Path openAnswer;
    public Path saveAnswer;
    public UnsavedAnswer unsavedAnswer = UnsavedAnswer.CANCEL;
    public boolean restore;
    public final List<String> errors = new ArrayList<>();
    public int unsavedQuestions;

    @Override
    public Optional<Path> chooseOpen() {
        return Optional.ofNullable(openAnswer);
    }

    @Override
    public Optional<Path> chooseSave(String suggestedName) {
        return Optional.ofNullable(saveAnswer);
    }

    @Override
    public UnsavedAnswer askSaveChanges(String documentName) {
        unsavedQuestions++;
        return unsavedAnswer;
    }

    public RunningAnswer runningAnswer = RunningAnswer.KEEP_TRAINING;
    public int runningQuestions;

    @Override
    public RunningAnswer askStopRunning() {
        runningQuestions++;
        return runningAnswer;
    }

    @Override
    public RunningAnswer askStopRunningToReplace() {
        runningQuestions++;
        return runningAnswer;
    }

    @Override
    public boolean offerRecovery() {
        return restore;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }
}
