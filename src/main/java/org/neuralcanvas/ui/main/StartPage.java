package org.neuralcanvas.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.common.FullText;
import org.neuralcanvas.ui.common.I18n;

/**
 * What an empty canvas shows a newcomer: every template as a card with one line on what it is (a click opens it),
 * Open…, Import Keras model… and the recent files (those first: they must not scroll out of a short window). It lies over the canvas only while the model has no layer.
 */
final class StartPage extends ScrollPane {

    /** What the page's buttons do; the window's file actions and, where a feature added it, the Keras import. */
    record Actions(Consumer<Template> template, Runnable open, Runnable importKeras, Consumer<Path> recent) {
    }

    StartPage(List<Template> templates, List<Path> recentFiles, I18n i18n, Actions actions) {
        setId("startPage");
        getStyleClass().add("start-page");
        setFitToWidth(true);
        Label title = new Label(i18n.get("start.title"));
        title.getStyleClass().add("start-title");
        FlowPane cards = new FlowPane(10, 10);
        for (Template t : templates) {
            cards.getChildren().add(card(t, i18n, actions));
        }
        Button open = new Button(i18n.get("start.open"));
        open.setId("start-open");
        open.setOnAction(e -> actions.open().run());
        HBox files = new HBox(8, open);
        if (actions.importKeras() != null) {
            Button importKeras = new Button(i18n.get("start.importKeras"));
            importKeras.setId("start-import-keras");
            importKeras.setOnAction(e -> actions.importKeras().run());
            files.getChildren().add(importKeras);
        }
        // Open and the recent files first: in a 700 px window the cards below them scroll, the buttons must not.
        VBox content = new VBox(10, files);
        if (!recentFiles.isEmpty()) {
            Label recent = new Label(i18n.get("start.recent"));
            recent.getStyleClass().add("start-heading");
            VBox links = new VBox(0, recent);
            for (Path p : recentFiles.subList(0, Math.min(5, recentFiles.size()))) {
                Hyperlink link = new Hyperlink(p.getFileName() + "  —  " + p.getParent());
                link.setId("start-recent");
                link.setMnemonicParsing(false);
                link.setOnAction(e -> actions.recent().accept(p));
                FullText.onHover(link);
                links.getChildren().add(link);
            }
            content.getChildren().add(links);
        }
        content.getChildren().addAll(title, cards);
        Label hint = new Label(i18n.get("start.hint"));
        hint.getStyleClass().add("start-hint");
        content.getChildren().add(hint);
        content.setPadding(new Insets(16));
        content.setAlignment(Pos.TOP_LEFT);
        setContent(content);
    }

    private static VBox card(Template t, I18n i18n, Actions actions) {
        Label name = new Label(i18n.get("template." + t.id()));
        name.getStyleClass().add("start-card-name");
        name.setWrapText(true);
        Label line = new Label(i18n.get("template." + t.id() + ".description"));
        line.getStyleClass().add("start-card-line");
        line.setWrapText(true);
        VBox card = new VBox(2, name, line);
        card.setId("start-" + t.id());
        card.getStyleClass().add("start-card");
        card.setPrefWidth(230);
        card.setMaxWidth(230);
        card.setOnMouseClicked(e -> actions.template().accept(t));
        return card;
    }
}
