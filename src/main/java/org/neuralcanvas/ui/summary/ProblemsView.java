package org.neuralcanvas.ui.summary;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.ui.common.FullText;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Selection;

/** Every problem of the project (the model's, then its training settings') as a list; clicking one selects the layer it is about. */
public final class ProblemsView extends ListView<Problem> {

    private final ObservableValue<List<Problem>> problems;
    private final ChangeListener<List<Problem>> listener = (o, a, b) -> show(b);

    public ProblemsView(ObservableValue<List<Problem>> problems, Supplier<ModelGraph> graph, Selection selection, I18n i18n) {
        this.problems = problems;
        setId("problems");
        getStyleClass().add("problems");
        setPlaceholder(new Label(i18n.get("problems.none")));
        setCellFactory(v -> new ListCell<>() {
            {
                FullText.onHover(this); // a long sentence in a narrow list is cut: hover shows it whole
            }

            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    return;
                }
                String where = p.nodeId() == null ? "" : graph.get().findNode(p.nodeId()).map(n -> n.name() + ": ").orElse("");
                setText("⚠ " + where + p.message());
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.nodeId() != null && graph.get().findNode(b.nodeId()).isPresent()) {
                selection.select(b.nodeId());
            } else if (b != null && b.edgeId() != null) {
                String target = b.edgeId().substring(b.edgeId().indexOf("->") + 2);
                if (graph.get().findNode(target).isPresent()) {
                    selection.select(target);
                }
            }
        });
        problems.addListener(listener);
        show(problems.getValue());
    }

    public void dispose() {
        problems.removeListener(listener);
    }

    private void show(List<Problem> list) {
        getItems().setAll(list == null ? List.of() : list);
    }
}
