package org.neuralcanvas.ui.summary;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.SummaryRow;
import org.neuralcanvas.ui.common.FullText;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Selection;

/**
 * Keras's {@code model.summary()} as a table: one row per layer in topological order, and the
 * totals underneath. Follows the view model's summary; clicking a row selects the layer.
 */
public final class SummaryView extends VBox {

    private final TableView<SummaryRow> table = new TableView<>();
    private final Label totals = new Label();
    private final I18n i18n;
    private final javafx.beans.value.ObservableValue<ModelSummary> summary;
    private final ChangeListener<ModelSummary> listener = (o, a, b) -> show(b);

    public SummaryView(javafx.beans.value.ObservableValue<ModelSummary> summary, Selection selection, I18n i18n) {
        this.summary = summary;
        this.i18n = i18n;
        getStyleClass().add("summary");
        setId("summary");
        TableColumn<SummaryRow, String> layer = new TableColumn<>(i18n.get("summary.layer"));
        layer.setCellFactory(c -> textCell());
        layer.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().layer()));
        layer.setPrefWidth(240);
        TableColumn<SummaryRow, String> shape = new TableColumn<>(i18n.get("summary.shape"));
        shape.setCellFactory(c -> textCell());
        shape.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().outputShape()));
        shape.setPrefWidth(170);
        TableColumn<SummaryRow, Long> params = new TableColumn<>(i18n.get("summary.params"));
        params.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().params()));
        params.setPrefWidth(110);
        params.setMinWidth(80); // "Param #" and a seven-digit count stay whole in a narrow window
        params.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<SummaryRow, String> connected = new TableColumn<>(i18n.get("summary.connected"));
        connected.setCellFactory(c -> textCell());
        connected.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().connectedTo())));
        connected.setPrefWidth(260);
        table.getColumns().add(layer);
        table.getColumns().add(shape);
        table.getColumns().add(params);
        table.getColumns().add(connected);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(i18n.get("summary.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && table.isFocused()) {
                selection.select(b.nodeId());
            }
        });
        totals.setId("summaryTotals");
        totals.getStyleClass().add("summary-totals");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, totals);
        summary.addListener(listener);
        show(summary.getValue());
    }

    /** A cell whose text, cut in a narrow column, is shown whole on hover. */
    private static TableCell<SummaryRow, String> textCell() {
        TableCell<SummaryRow, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        FullText.onHover(cell);
        return cell;
    }

    public void dispose() {
        summary.removeListener(listener);
    }

    private void show(ModelSummary s) {
        if (s == null) {
            return;
        }
        table.getItems().setAll(s.rows());
        table.getColumns().get(3).setVisible(s.functional());
        totals.setText(i18n.format("summary.totals", ModelSummary.grouped(s.totalParams()),
                ModelSummary.grouped(s.trainableParams()), ModelSummary.grouped(s.nonTrainableParams())));
    }

    public String totalsText() {
        return totals.getText();
    }
}
