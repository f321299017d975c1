package org.neuralcanvas.ui.canvas;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Icons;

/**
 * One layer on the canvas: name, type, output shape and parameter count, an input port on top
 * and an output port below, and a red badge with the problem sentences when something is wrong.
 * It shows a {@link LayerNode}; it never holds state of its own beyond the drawing.
 */
public final class NodeView extends Region {

    public static final double WIDTH = 190;
    public static final double HEIGHT = 84;
    static final double PORT_RADIUS = 6;

    private final String nodeId;
    private final I18n i18n;
    private final Label name = new Label();
    private final Label type = new Label();
    private final Label shape = new Label();
    private final Label params = new Label();
    private final javafx.scene.control.Tooltip fullName = new javafx.scene.control.Tooltip();
    private final Circle inputPort = new Circle(PORT_RADIUS);
    private final Circle outputPort = new Circle(PORT_RADIUS);
    /** Made on the first problem, like its tooltip: most layers never need one. */
    private Label badge;
    /** Created on the first problem: a Tooltip per node would make 500-layer models slow to open. */
    private Tooltip badgeTip;
    private final VBox body;
    private LayerNode node;

    NodeView(LayerNode node, I18n i18n, Icons icons) {
        this.nodeId = node.id();
        this.i18n = i18n;
        getStyleClass().add("layer-node");
        getStyleClass().add("category-" + node.kind().category().name().toLowerCase());
        setId("node-" + node.id());
        name.getStyleClass().add("layer-name");
        name.setTooltip(fullName);
        type.getStyleClass().add("layer-type");
        shape.getStyleClass().add("layer-shape");
        params.getStyleClass().add("layer-params");
        Image icon = icons.forKind(node.kind());
        HBox header = new HBox(6);
        header.setAlignment(Pos.CENTER_LEFT);
        if (icon != null) {
            ImageView iv = new ImageView(icon);
            iv.setFitWidth(18);
            iv.setFitHeight(18);
            header.getChildren().add(iv);
        }
        header.getChildren().add(name);
        body = new VBox(1, header, type, shape, params);
        body.getStyleClass().add("layer-body");
        body.setPrefSize(WIDTH, HEIGHT);
        body.resize(WIDTH, HEIGHT);
        inputPort.getStyleClass().addAll("port", "input-port");
        outputPort.getStyleClass().addAll("port", "output-port");
        inputPort.setCenterX(WIDTH / 2);
        inputPort.setCenterY(0);
        outputPort.setCenterX(WIDTH / 2);
        outputPort.setCenterY(HEIGHT);
        getChildren().addAll(body, inputPort, outputPort);
        setPrefSize(WIDTH, HEIGHT);
        show(node);
    }

    @Override
    protected void layoutChildren() {
        body.resizeRelocate(0, 0, WIDTH, HEIGHT);
        if (badge != null) {
            badge.autosize();
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public LayerNode node() {
        return node;
    }

    /** The headline under the name, as shown. */
    String typeText() {
        return type.getText();
    }

    /** Shows a (changed) node: name, type, position. */
    void show(LayerNode changed) {
        this.node = changed;
        name.setText(changed.name());
        // The kind with the settings that tell two of it apart (Dense 512 · relu against Dense 10 · softmax).
        type.setText(org.neuralcanvas.domain.graph.LayerHeadline.of(changed));
        // A long name or headline is cut to the node's width: the whole of both on hover.
        fullName.setText(changed.name() + "\n" + type.getText());
        inputPort.setVisible(!changed.kind().isInput());
        relocate(changed.x(), changed.y());
    }

    /** Shows what inference found: shape, parameter count and problems. */
    void showResult(NodeResult result, List<Problem> problems) {
        if (result != null && result.known()) {
            shape.setText(result.outputShape().toString());
            params.setText(i18n.format("canvas.params", ModelSummary.grouped(result.params() == null ? 0 : result.params().total())));
        } else {
            shape.setText("?");
            params.setText(i18n.format("canvas.params", "?"));
        }
        boolean bad = !problems.isEmpty();
        pseudoClassStateChanged(Styles.PROBLEM, bad);
        if (bad && badge == null) {
            badge = new Label("!");
            badge.getStyleClass().add("problem-badge");
            badge.relocate(WIDTH - 12, -10);
            badgeTip = new Tooltip();
            badgeTip.setWrapText(true);
            badgeTip.setMaxWidth(420);
            Tooltip.install(badge, badgeTip);
            getChildren().add(badge);
        }
        if (badge != null) {
            badge.setVisible(bad);
            badgeTip.setText(problems.stream().map(Problem::message).collect(Collectors.joining("\n")));
        }
    }

    public String problemText() {
        return badge != null && badge.isVisible() ? badgeTip.getText() : "";
    }

    public String shapeText() {
        return shape.getText();
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(Styles.SELECTED, selected);
    }

    public Circle inputPort() {
        return inputPort;
    }

    public Circle outputPort() {
        return outputPort;
    }

    /** World position of the input port's centre. */
    double inputX() {
        return getLayoutX() + WIDTH / 2;
    }

    double inputY() {
        return getLayoutY();
    }

    double outputY() {
        return getLayoutY() + HEIGHT;
    }

    /** Whether a world point lies on this node (with a margin that makes ports easy to hit). */
    boolean containsWorld(double x, double y, double margin) {
        return x >= getLayoutX() - margin && x <= getLayoutX() + WIDTH + margin
                && y >= getLayoutY() - margin && y <= getLayoutY() + HEIGHT + margin;
    }

    /** Marks the layer as a comparison of two runs found it ({@code added}, {@code changed}), or unmarks it (null). */
    void markDiff(String mark) {
        pseudoClassStateChanged(Styles.DIFF_ADDED, "added".equals(mark));
        pseudoClassStateChanged(Styles.DIFF_CHANGED, "changed".equals(mark));
    }
}
