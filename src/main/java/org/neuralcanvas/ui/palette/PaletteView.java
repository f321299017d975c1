package org.neuralcanvas.ui.palette;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerCategory;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Icons;

/**
 * The layer palette: every kind of the catalog with its icon, grouped by category and filtered
 * by the search field. Drag a layer onto the canvas to add it; double-click to append it after
 * the selected layer. The drag is a plain press-drag-release with a ghost label, so it behaves
 * the same on every platform and under test robots.
 */
public final class PaletteView extends VBox {

    private final TextField search = new TextField();
    private final List<TitledPane> groups = new ArrayList<>();
    private final List<HBox> items = new ArrayList<>();
    private final LayerDropTarget target;
    private final Pane dragLayer;
    private final Label ghost = new Label();

    public PaletteView(LayerCatalog catalog, I18n i18n, Icons icons, LayerDropTarget target, Pane dragLayer) {
        this.target = target;
        this.dragLayer = dragLayer;
        getStyleClass().add("palette");
        setId("palette");
        search.setPromptText(i18n.get("palette.search"));
        search.setId("paletteSearch");
        search.textProperty().addListener((o, a, b) -> filter(b));
        VBox list = new VBox();
        for (LayerCategory category : LayerCategory.values()) {
            List<LayerKind> kinds = catalog.kinds(category);
            if (kinds.isEmpty()) {
                continue;
            }
            VBox box = new VBox();
            box.getStyleClass().add("palette-group");
            for (LayerKind kind : kinds) {
                HBox item = item(kind, i18n, icons);
                items.add(item);
                box.getChildren().add(item);
            }
            TitledPane pane = new TitledPane(i18n.get("category." + category.name().toLowerCase(Locale.ROOT)), box);
            pane.setUserData(box);
            groups.add(pane);
            list.getChildren().add(pane);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        // The list scrolls: its length (46 kinds) must not become the window's minimum height, which squeezed the
        // summary and problems below the canvas to nothing.
        scroll.setMinHeight(0);
        scroll.setPrefHeight(200);
        setMinHeight(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(search, scroll);
        ghost.getStyleClass().add("palette-ghost");
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
    }

    private HBox item(LayerKind kind, I18n i18n, Icons icons) {
        Label name = new Label(kind.kerasName());
        HBox item = new HBox(8);
        item.setAlignment(Pos.CENTER_LEFT);
        Image icon = icons.forKind(kind);
        if (icon != null) {
            ImageView iv = new ImageView(icon);
            iv.setFitWidth(22);
            iv.setFitHeight(22);
            iv.setSmooth(true);
            item.getChildren().add(iv);
        }
        item.getChildren().add(name);
        item.getStyleClass().add("palette-item");
        item.setId("palette-" + kind.kerasName());
        item.setUserData(kind);
        // What the layer does; every kind has its sentence (CatalogCoverageTest), the generic one is a fallback.
        String tipKey = "palette.tip." + kind.kerasName();
        Tooltip tip = new Tooltip(i18n.has(tipKey) ? i18n.get(tipKey) : i18n.format("palette.tip", kind.kerasName()));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(item, tip);
        item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragTo(kind, e));
        item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> release(kind, e));
        item.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                target.append(kind);
            }
        });
        return item;
    }

    private void dragTo(LayerKind kind, MouseEvent e) {
        if (!dragLayer.getChildren().contains(ghost)) {
            ghost.setText("+ " + kind.kerasName());
            dragLayer.getChildren().add(ghost);
        }
        ghost.autosize();
        var p = dragLayer.sceneToLocal(e.getSceneX(), e.getSceneY());
        ghost.relocate(p.getX() + 10, p.getY() + 6);
        ghost.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("accepted"),
                target.accepts(e.getSceneX(), e.getSceneY()));
    }

    private void release(LayerKind kind, MouseEvent e) {
        boolean dragged = dragLayer.getChildren().remove(ghost);
        if (dragged && target.accepts(e.getSceneX(), e.getSceneY())) {
            target.drop(kind, e.getSceneX(), e.getSceneY());
        }
    }

    private void filter(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (HBox item : items) {
            boolean show = q.isEmpty() || ((LayerKind) item.getUserData()).kerasName().toLowerCase(Locale.ROOT).contains(q);
            item.setVisible(show);
            item.setManaged(show);
        }
        for (TitledPane pane : groups) {
            boolean any = ((VBox) pane.getUserData()).getChildren().stream().anyMatch(javafx.scene.Node::isManaged);
            pane.setVisible(any);
            pane.setManaged(any);
            if (!q.isEmpty() && any) {
                pane.setExpanded(true);
            }
        }
    }

    public TextField searchField() {
        return search;
    }
}
