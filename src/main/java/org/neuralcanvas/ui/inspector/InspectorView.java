package org.neuralcanvas.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Icons;

/**
 * The right-hand inspector: the selected layer's name and parameters in a ControlsFX
 * {@link PropertySheet}, each with the editor its type calls for; the sentence explaining a
 * refused value is right under its field.
 */
public final class InspectorView extends VBox {

    private final InspectorViewModel vm;
    private final I18n i18n;
    private final Icons icons;
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label();
    private final Label empty = new Label();
    private final ChangeListener<LayerNode> nodeListener = (o, a, b) -> show(b);

    public InspectorView(InspectorViewModel vm, I18n i18n, Icons icons) {
        this.vm = vm;
        this.i18n = i18n;
        this.icons = icons;
        getStyleClass().add("inspector");
        setId("inspector");
        setSpacing(6);
        title.getStyleClass().add("inspector-title");
        empty.setText(i18n.get("inspector.empty"));
        empty.getStyleClass().add("inspector-empty");
        empty.setWrapText(true);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        // NAME mode keeps the declaration order (name first, then Keras argument order) in one list that is always open.
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(new ParamEditors());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        vm.nodeProperty().addListener(nodeListener);
        show(vm.nodeProperty().get());
    }

    public void dispose() {
        vm.nodeProperty().removeListener(nodeListener);
        vm.dispose();
    }

    private void show(LayerNode node) {
        if (node == null) {
            getChildren().setAll(empty);
            return;
        }
        ImageView icon = new ImageView(icons.forKind(node.kind()));
        icon.setFitWidth(20);
        icon.setFitHeight(20);
        title.setText(node.kind().kerasName());
        HBox header = new HBox(6, icon, title);
        header.getStyleClass().add("inspector-header");
        String layerGroup = i18n.get("inspector.layer");
        String paramGroup = i18n.get("inspector.parameters");
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(new ParamItem("name", i18n.get("inspector.name"), layerGroup, i18n.get("inspector.name.tip"), null,
                () -> vm.nodeProperty().get() == null ? "" : vm.nodeProperty().get().name(),
                v -> vm.rename(String.valueOf(v))));
        for (ParamSpec spec : node.kind().params()) {
            String tipKey = "param.tip." + spec.name();
            items.add(new ParamItem(spec.name(), spec.name(), paramGroup,
                    i18n.has(tipKey) ? i18n.get(tipKey) : spec.name(), spec,
                    () -> currentValue(spec), v -> vm.setParam(spec.name(), v)));
        }
        // An accepted value rebuilds the sheet; keep the cursor in the field the user was typing in.
        String focused = getScene() != null && getScene().getFocusOwner() != null
                && getScene().getFocusOwner().getId() != null && getScene().getFocusOwner().getId().startsWith("param-")
                ? getScene().getFocusOwner().getId() : null;
        sheet.getItems().setAll(FXCollections.observableArrayList(items));
        // A refused value's sentence is under its own field (ParamEditors), not here.
        getChildren().setAll(header, sheet);
        if (focused != null) {
            javafx.application.Platform.runLater(() -> {
                javafx.scene.Node field = sheet.lookup("#" + focused);
                if (field != null) {
                    field.requestFocus();
                }
            });
        }
    }

    private Object currentValue(ParamSpec spec) {
        LayerNode n = vm.nodeProperty().get();
        if (n == null) {
            return null;
        }
        Object v = n.params().get(spec.name());
        return InspectorViewModel.isText(spec.type()) ? InspectorViewModel.display(spec, v) : v;
    }
}
