package org.neuralcanvas.ui.main;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a file to open or save; the window uses FileChooser, tests answer directly. */
public interface FileDialogs {

    Optional<Path> chooseOpen();

    Optional<Path> chooseSave(String suggestedName);
}
