package org.neuralcanvas.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.neuralcanvas.project.SweepPlan;
import org.neuralcanvas.ui.common.I18n;

/**
 * The Train panel's search: the settings to vary with their values (one {@code SETTING=V1,V2} per line), grid or
 * random, the budget, and Start. The number of trials (or what is wrong with a line) shows as the user types.
 */
final class SearchForm extends TitledPane {

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final TextArea axes = new TextArea();
    private final CheckBox random;
    private final TextField budget = new TextField("0");
    private final Label count = new Label();
    private final Button start;

    /** @param subs where its bindings to the view model go, released with the panel */
    SearchForm(TrainingViewModel vm, I18n i18n, org.neuralcanvas.ui.common.Subscriptions subs) {
        this.vm = vm;
        this.i18n = i18n;
        setText(i18n.get("train.section.search"));
        setId("section-search");
        setAnimated(false);
        setExpanded(false);
        axes.setId("search-axes");
        axes.setPromptText(i18n.get("search.axes.prompt").replace("\\n", "\n"));
        axes.setPrefRowCount(3);
        // A TextArea asks for 40 columns and a wrapping label for its whole text on one line: either would widen the
        // Train panel, and the window's side panels with it. The section takes the panel's width instead.
        axes.setPrefColumnCount(16);
        axes.setWrapText(false);
        random = new CheckBox(i18n.get("search.random"));
        random.setId("check-search-random");
        random.setWrapText(true);
        budget.setId("field-search-budget");
        budget.setPrefColumnCount(4);
        count.setId("search-count");
        count.setWrapText(true);
        Label help = new Label(i18n.get("search.help"));
        help.setWrapText(true);
        help.getStyleClass().add("hint-text");
        start = new Button(i18n.get("search.start"));
        start.setId("button-search");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setOnAction(e -> plan().ifPresent(vm::search));
        axes.textProperty().addListener((o, a, b) -> refresh());
        budget.textProperty().addListener((o, a, b) -> refresh());
        random.selectedProperty().addListener((o, a, b) -> refresh());
        subs.bind(start.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isActive()
                || count.getStyleClass().contains("problem-text") || axes.getText().isBlank(), vm.phaseProperty(),
                count.textProperty(), axes.textProperty()));
        HBox budgetRow = new HBox(6, new Label(i18n.get("search.budget")), budget);
        VBox box = new VBox(4, new Label(i18n.get("search.axes")), axes, random, budgetRow, count, start, help);
        box.setPadding(new Insets(4));
        setContent(box);
        setMinWidth(0);
        setPrefWidth(0);
        refresh();
    }

    /** The plan the fields describe, or empty with the reason shown under them. */
    private java.util.Optional<SweepPlan> plan() {
        try {
            List<SweepPlan.Axis> list = new ArrayList<>();
            for (String line : axes.getText().split("\\R")) {
                if (!line.isBlank()) {
                    list.add(SweepPlan.Axis.parse(line));
                }
            }
            int n;
            try {
                n = Integer.parseInt(budget.getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(i18n.get("search.budget") + ": '" + budget.getText().trim() + "'?");
            }
            return java.util.Optional.of(new SweepPlan(list, random.isSelected(), Math.max(0, n),
                    vm.settingsProperty().get().seed()));
        } catch (IllegalArgumentException e) {
            show(e.getMessage(), true);
            return java.util.Optional.empty();
        }
    }

    private void refresh() {
        if (axes.getText().isBlank()) {
            show("", false);
            return;
        }
        plan().ifPresent(p -> {
            int n = p.trialCount();
            boolean tooMany = n > SweepPlan.MAX_TRIALS || (p.random() && n < 1);
            show(i18n.format("search.count", n), tooMany);
        });
    }

    private void show(String text, boolean problem) {
        count.setText(text);
        count.getStyleClass().remove("problem-text");
        if (problem) {
            count.getStyleClass().add("problem-text");
        }
    }
}
