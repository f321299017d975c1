package org.neuralcanvas.ui.canvas;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.shape.Problem;

/** A connection drawn as a curve from the source's output port to the target's input port. */
public final class EdgeView extends Group {

    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hitArea = new CubicCurve();
    private final Polygon arrow = new Polygon();
    private Tooltip tip;
    private boolean tipInstalled;

    EdgeView(Edge edge) {
        this.edge = edge;
        getStyleClass().add("edge");
        curve.getStyleClass().add("edge-line");
        hitArea.getStyleClass().add("edge-hit");
        arrow.getStyleClass().add("edge-arrow");
        curve.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        getChildren().addAll(hitArea, curve, arrow);
    }

    public Edge edge() {
        return edge;
    }

    /** Redraws between two world points: the source's output port and the target's input port. */
    void route(double x1, double y1, double x2, double y2) {
        double bend = Math.max(30, Math.abs(y2 - y1) / 2);
        for (CubicCurve c : new CubicCurve[] {curve, hitArea}) {
            c.setStartX(x1);
            c.setStartY(y1);
            c.setControlX1(x1);
            c.setControlY1(y1 + bend);
            c.setControlX2(x2);
            c.setControlY2(y2 - bend);
            c.setEndX(x2);
            c.setEndY(y2);
        }
        double tipY = y2 - NodeView.PORT_RADIUS;
        arrow.getPoints().setAll(x2 - 5, tipY - 8, x2 + 5, tipY - 8, x2, tipY);
    }

    void showProblems(List<Problem> problems) {
        boolean bad = !problems.isEmpty();
        pseudoClassStateChanged(Styles.PROBLEM, bad);
        if (bad) {
            if (tip == null) {
                tip = new Tooltip();
            }
            tip.setText(problems.stream().map(Problem::message).collect(Collectors.joining("\n")));
            if (!tipInstalled) {
                Tooltip.install(hitArea, tip);
                tipInstalled = true;
            }
        } else if (tipInstalled) {
            Tooltip.uninstall(hitArea, tip);
            tipInstalled = false;
        }
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(Styles.SELECTED, selected);
    }
}
