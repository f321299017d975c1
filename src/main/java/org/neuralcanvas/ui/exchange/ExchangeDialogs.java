package org.neuralcanvas.ui.exchange;

import java.nio.file.Path;
import java.util.Optional;

/** Asks where to export to and which Keras file to import; the window uses FileChooser, tests answer directly. */
public interface ExchangeDialogs {

    /** What is being exported, which fixes the file types offered. */
    enum ExportKind { DIAGRAM, KERAS_CODE }

    Optional<Path> chooseExportFile(ExportKind kind, String suggestedName);

    Optional<Path> chooseKerasModel();
}
