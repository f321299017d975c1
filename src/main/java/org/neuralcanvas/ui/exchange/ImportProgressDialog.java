package org.neuralcanvas.ui.exchange;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.neuralcanvas.ui.common.I18n;

/** A small non-blocking dialog: what the import is doing, a progress bar and Cancel. */
final class ImportProgressDialog implements ExchangeActions.ImportProgressView {

    private final Window owner;
    private final I18n i18n;
    private Alert alert;
    private ProgressBar bar;
    private Label step;

    ImportProgressDialog(Window owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public void show(Runnable onCancel) {
        ButtonType cancel = new ButtonType(i18n.get("prompt.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert = new Alert(Alert.AlertType.NONE, "", cancel);
        alert.setTitle(i18n.get("import.keras.title"));
        alert.setHeaderText(i18n.get("import.keras.running"));
        bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(360);
        step = new Label();
        alert.getDialogPane().setContent(new VBox(8, step, bar));
        alert.initOwner(owner);
        alert.setOnCloseRequest(e -> onCancel.run());
        alert.resultProperty().addListener((o, a, b) -> {
            if (b == cancel) {
                onCancel.run();
            }
        });
        alert.show();
    }

    @Override
    public void update(double fraction, String text) {
        if (bar != null) {
            bar.setProgress(fraction);
            step.setText(text);
        }
    }

    @Override
    public void close() {
        if (alert != null) {
            alert.setOnCloseRequest(null);
            alert.close();
        }
    }
}
