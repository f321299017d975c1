package org.neuralcanvas.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuralcanvas.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The crosshair's readout under a chart: it gives way to the buttons, and it goes when the mouse does. */
@ExtendWith(ApplicationExtension.class)
class LiveChartReadoutTest {

    private LiveChart chart;
    private final String longReading = "epoch 2" + "   run-7 val_loss 0.1234".repeat(12);

    @Start
    void start(Stage stage) {
        XYSeries loss = new XYSeries("loss");
        loss.add(1, 0.7);
        loss.add(2, 0.5);
        loss.add(3, 0.4);
        chart = new LiveChart(LiveChart.epochChart("loss", "loss", new XYSeriesCollection(loss), new XYSeriesCollection(),
                null, "epoch"), "chart-test", new I18n(Locale.ENGLISH), Runnable::run, (text, problem) -> { });
        chart.setValues(x -> x == 2 ? longReading : "epoch " + (int) x);
        Label above = new Label("above the chart");
        above.setId("above");
        VBox root = new VBox(above, chart);
        chart.setPrefSize(380, 260);
        stage.setScene(new Scene(root, 380, 300));
        stage.show();
    }

    @Test
    void aLongReadingLeavesTheButtonsWholeAndLeavesWithTheMouse(FxRobot robot) {
        Bounds plot = chart.viewer().localToScreen(chart.viewer().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(plot.getCenterX(), plot.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(longReading, chart.readoutText(), "the middle of the chart is epoch 2");
        Label readout = robot.lookup("#chart-test-readout").queryAs(Label.class);
        assertEquals(longReading, readout.getTooltip().getText(), "the whole reading in its tooltip");
        Bounds bar = readout.getParent().localToScreen(readout.getParent().getBoundsInLocal());
        for (String text : new String[] {"Reset zoom", "PNG", "SVG"}) {
            Button b = robot.lookup((Button x) -> text.equals(x.getText())).queryAs(Button.class);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, text + " keeps its width: " + b.getWidth());
            Bounds on = b.localToScreen(b.getBoundsInLocal());
            assertTrue(on.getMaxX() <= bar.getMaxX() + 0.5, text + " stays inside the chart's bar");
        }
        assertTrue(chart.crosshairShown());

        robot.moveTo("#above");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.readoutText().isBlank(), "no reading stays behind: " + chart.readoutText());
        assertFalse(chart.crosshairShown(), "nor the crosshair");
    }
}
