package org.neuralcanvas.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunRow;
import org.neuralcanvas.project.RunSettingsWords;
import org.neuralcanvas.ui.common.I18n;

/**
 * The Runs tab: one row per run of the project (dataset, epochs, best and last validation score, test score, seconds
 * per epoch), the best run in bold, and the settings in which each run differs from the selected one highlighted.
 * Two runs selected (Ctrl-click) are compared: their curves overlaid on the Training tab, their models' difference
 * in words below the table and as colours on the canvas.
 */
public final class RunsTableView extends BorderPane {

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final TableView<RunRow> table = new TableView<>();
    private final TextArea diff = new TextArea();
    private final RunComparison comparison;
    private final ListChangeListener<RunRecord> runsListener = c -> refill();
    private final ListChangeListener<String> searchListener = c -> {
        refill();
        table.refresh();
    };
    private int bestRow = -1;
    /** The score columns name the first run's score in their header; a run scored on another one says it in its cell. */
    private final TableColumn<RunRow, String> best;
    private final TableColumn<RunRow, String> last;
    private final TableColumn<RunRow, String> test;
    private String shownKey = "";
    private String shownTestKey = "";

    public RunsTableView(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.comparison = new RunComparison(vm);
        best = column(i18n.get("runs.col.best"), 120, r -> Double.isFinite(r.best())
                ? named(r.key(), shownKey) + KerasLine.format(r.best()) + " @" + r.bestEpoch() : "—");
        last = column(i18n.get("runs.col.last"), 110, r -> Double.isFinite(r.last())
                ? named(r.key(), shownKey) + KerasLine.format(r.last()) : "—");
        test = column(i18n.get("runs.col.test"), 110, r -> Double.isFinite(r.test())
                ? named(r.testKey(), shownTestKey) + KerasLine.format(r.test()) : "—");
        setId("runs-table-view");
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(i18n.get("runs.table.empty")));
        // Wide enough to read: the table scrolls sideways in a narrow window instead of cutting every number.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                column(i18n.get("runs.col.run"), 60, r -> r.run().id()),
                column(i18n.get("runs.col.dataset"), 130, r -> r.run().datasetId()),
                column(i18n.get("runs.col.epochs"), 55, r -> Integer.toString(r.run().firstEpoch() - 1 + r.run().history().size())),
                best, last, test,
                column(i18n.get("runs.col.seconds"), 70, r -> r.secondsPerEpoch() > 0
                        ? String.format(Locale.ROOT, "%.2f s", r.secondsPerEpoch()) : "—"),
                differsColumn()));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("best-run");
                if (!empty && row != null && getIndex() == bestRow) {
                    getStyleClass().add("best-run");
                }
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> selectionChanged());
        diff.setId("runs-diff");
        diff.setEditable(false);
        diff.setWrapText(true);
        diff.getStyleClass().add("training-log");
        diff.setText(i18n.get("runs.diff.hint"));
        SplitPane split = new SplitPane(table, diff);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        setCenter(split);
        setPadding(new Insets(4));
        // The columns' widths add up to more than a laptop's bottom pane: the table scrolls, and asks for no width of
        // its own, so it never pushes the window's side panels around.
        setMinWidth(0);
        setPrefWidth(0);
        vm.runs().addListener(runsListener);
        vm.lastSearch().addListener(searchListener);
        refill();
    }

    /** Stops following the runs (the window is rebuilt in another language). */
    public void dispose() {
        vm.runs().removeListener(runsListener);
        vm.lastSearch().removeListener(searchListener);
    }

    /** A score's name in its cell only where it is not the one the header names. */
    private static String named(String key, String header) {
        return key.equals(header) ? "" : key + " ";
    }

    private TableColumn<RunRow, String> column(String title, double width, Function<RunRow, String> text) {
        TableColumn<RunRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        return c;
    }

    /** The settings of each run that are not the selected run's: highlighted where there are any. */
    private TableColumn<RunRow, String> differsColumn() {
        TableColumn<RunRow, String> c = column(i18n.get("runs.col.differs"), 260, r -> {
            RunRow anchor = table.getSelectionModel().getSelectedItem();
            if (anchor == null || anchor.run() == r.run()) {
                return "";
            }
            return String.join("; ", RunSettingsWords.differences(r.run(), anchor.run()));
        });
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text.replace("; ", "\n")));
                getStyleClass().remove("settings-differ");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("settings-differ");
                }
            }
        });
        return c;
    }

    private void refill() {
        List<RunRow> rows = vm.runs().stream().map(RunRow::of).toList();
        // After a search, its best trial is the one marked; otherwise the best of all the runs.
        List<String> search = vm.lastSearch();
        List<RunRow> ranked = search.isEmpty() ? rows : rows.stream().filter(r -> search.contains(r.run().id())).toList();
        int bestRanked = RunRow.bestOf(ranked);
        bestRow = bestRanked < 0 ? -1 : rows.indexOf(ranked.get(bestRanked));
        shownKey = rows.isEmpty() ? "" : rows.get(0).key();
        shownTestKey = rows.isEmpty() ? "" : rows.get(0).testKey();
        best.setText(i18n.get("runs.col.best") + (shownKey.isEmpty() ? "" : " " + shownKey));
        last.setText(i18n.get("runs.col.last") + (shownKey.isEmpty() ? "" : " " + shownKey));
        test.setText(i18n.get("runs.col.test") + (shownTestKey.isEmpty() ? "" : " " + shownTestKey));
        table.getItems().setAll(rows);
    }

    private void selectionChanged() {
        table.refresh(); // "differs from the selected run" follows the selection
        List<RunRecord> selected = table.getSelectionModel().getSelectedItems().stream().map(RunRow::run).toList();
        diff.setText(comparison.compare(selected, i18n).orElse(i18n.get("runs.diff.hint")));
    }

    /** The index of the best run's row, or -1 (for tests). */
    int bestRow() {
        return bestRow;
    }

    TableView<RunRow> table() {
        return table;
    }
}
