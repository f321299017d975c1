package org.neuralcanvas.ui.exchange;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.neuralcanvas.ui.common.I18n;

/** The real file choosers for export and import. */
public final class FxExchangeDialogs implements ExchangeDialogs {

    private final Supplier<Window> owner;
    private final Supplier<I18n> i18n;
    private File lastFolder;

    public FxExchangeDialogs(Supplier<Window> owner, Supplier<I18n> i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public Optional<Path> chooseExportFile(ExportKind kind, String suggestedName) {
        I18n t = i18n.get();
        FileChooser chooser = chooser(t.get(kind == ExportKind.DIAGRAM ? "export.diagram.title" : "export.keras.title"));
        if (kind == ExportKind.DIAGRAM) {
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t.get("export.filter.svg"), "*.svg"),
                    new FileChooser.ExtensionFilter(t.get("export.filter.png"), "*.png"));
            chooser.setInitialFileName(suggestedName + ".svg");
        } else {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.get("export.filter.py"), "*.py"));
            chooser.setInitialFileName(suggestedName + ".py");
        }
        File f = chooser.showSaveDialog(owner.get());
        if (f != null && kind == ExportKind.DIAGRAM && !f.getName().matches("(?i).*\\.(svg|png)$")) {
            // The filter the user picked decides the type when the name has no ending.
            boolean png = chooser.getSelectedExtensionFilter() != null
                    && chooser.getSelectedExtensionFilter().getExtensions().contains("*.png");
            f = new File(f.getParentFile(), f.getName() + (png ? ".png" : ".svg"));
        }
        return remember(f);
    }

    @Override
    public Optional<Path> chooseKerasModel() {
        FileChooser chooser = chooser(i18n.get().get("import.keras.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get().get("import.filter.h5"), "*.keras", "*.h5", "*.hdf5"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }
}
