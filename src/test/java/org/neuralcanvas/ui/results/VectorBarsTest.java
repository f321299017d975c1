package org.neuralcanvas.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuralcanvas.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A layer's output vector: every unit drawn, its sign from the zero line, its value where its bar is. */
@ExtendWith(ApplicationExtension.class)
class VectorBarsTest {

    private final StackPane root = new StackPane();
    private final I18n english = new I18n(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 1200, 300));
        stage.show();
    }

    private VectorBars show(FxRobot robot, float[] v) {
        VectorBars bars = new VectorBars(v, english);
        robot.interact(() -> root.getChildren().setAll(bars));
        return bars;
    }

    @Test
    void everyUnitOfA512UnitDenseIsDrawnAndTheMouseReadsItsValue(FxRobot robot) {
        float[] v = new float[512];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7) / 7f - 0.3f;
        }
        VectorBars bars = show(robot, v);
        assertEquals(512, bars.drawnUnits());
        Canvas canvas = robot.lookup("#layer-output-bars").queryAs(Canvas.class);
        assertEquals(1024, canvas.getWidth(), "two pixels a unit: all 512 fit, not the first 128");
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 300 * 2 + 1, b.getMinY() + 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("unit 300: " + VectorBars.text(v[300]), bars.readoutText());
    }

    @Test
    void aFewValuesAreWrittenUnderTheirOwnBarsWithTheSignFromTheZeroLine(FxRobot robot) {
        float[] v = {-0.5f, 0.25f, 1f};
        VectorBars bars = show(robot, v);
        assertEquals(-30, bars.barHeight(0), 1e-9, "a negative value goes down, half of the largest");
        assertEquals(60, bars.barHeight(2), 1e-9);
        for (int i = 0; i < v.length; i++) {
            Label value = robot.lookup("#layer-output-value-" + i).queryAs(Label.class);
            assertEquals(VectorBars.text(v[i]), value.getText());
            Node bar = value.getParent().getChildrenUnmodifiable().get(0);
            double barCentre = bar.localToScene(bar.getBoundsInLocal()).getCenterX();
            double valueCentre = value.localToScene(value.getBoundsInLocal()).getCenterX();
            assertEquals(barCentre, valueCentre, 1.0, "unit " + i + "'s value sits under its bar");
        }
    }
}
