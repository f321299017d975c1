package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.MainViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Subscriptions;

/** Problems, parameter total, zoom and the compute backend along the bottom of the window. */
final class StatusBar extends HBox {

    StatusBar(MainViewModel vm, I18n i18n, javafx.beans.value.ObservableDoubleValue zoom, Subscriptions subs) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(18);
        Label problems = new Label();
        problems.setId("statusProblems");
        subs.bind(problems.textProperty(), Bindings.createStringBinding(() -> vm.problemCountProperty().get() == 0
                ? i18n.get("status.noProblems") : i18n.format("status.problems", vm.problemCountProperty().get()),
                vm.problemCountProperty()));
        subs.bind(problems.styleProperty(), Bindings.createStringBinding(() -> vm.problemCountProperty().get() > 0
                ? "-fx-text-fill: #c0392b;" : "", vm.problemCountProperty()));
        Label params = new Label();
        params.setId("statusParams");
        subs.bind(params.textProperty(), Bindings.createStringBinding(
                () -> i18n.format("status.params", ModelSummary.grouped(vm.totalParamsProperty().get())), vm.totalParamsProperty()));
        Label opening = new Label();
        opening.setId("status-opening");
        subs.bind(opening.textProperty(), vm.openingProperty());
        // Takes no room in a narrow window unless a file is being read.
        opening.managedProperty().bind(opening.textProperty().isNotEmpty());
        opening.visibleProperty().bind(opening.textProperty().isNotEmpty());
        Label autosave = new Label();
        autosave.setId("status-autosave");
        subs.bind(autosave.textProperty(), Bindings.createStringBinding(() -> vm.autosaveFailureProperty().get().isEmpty() ? ""
                : i18n.format("status.autosaveFailed", vm.autosaveFailureProperty().get()), vm.autosaveFailureProperty()));
        autosave.setStyle("-fx-text-fill: #c0392b;");
        autosave.managedProperty().bind(autosave.textProperty().isNotEmpty());
        autosave.visibleProperty().bind(autosave.textProperty().isNotEmpty());
        Label zoomLabel = new Label();
        subs.bind(zoomLabel.textProperty(), Bindings.createStringBinding(
                () -> i18n.format("status.zoom", Math.round(zoom.get() * 100)), zoom));
        Label backend = new Label();
        backend.setId("statusBackend");
        subs.bind(backend.textProperty(), Bindings.createStringBinding(() -> i18n.format("status.backend",
                vm.backendDescriptionProperty().get() == null ? i18n.get("status.backend.pending")
                        : vm.backendDescriptionProperty().get()), vm.backendDescriptionProperty()));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        // A narrow window cuts a long sentence (the backend's notice that a build did not load, say) with an ellipsis,
        // and only that: the short counts (problems, parameters, zoom) keep their width and stay readable.
        for (Label l : new Label[] {problems, params, opening, autosave, zoomLabel, backend}) {
            org.neuralcanvas.ui.common.FullText.onHover(l);
        }
        for (Label l : new Label[] {problems, params, zoomLabel}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        backend.setMinWidth(0);
        getChildren().addAll(problems, params, opening, autosave, spring, zoomLabel, backend);
    }

}
