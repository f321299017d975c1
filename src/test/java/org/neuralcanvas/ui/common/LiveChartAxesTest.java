package org.neuralcanvas.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The epoch charts' axes after the first epoch: one point, and still tick labels a person can tell apart. */
class LiveChartAxesTest {

    private static List<String> labels(NumberAxis axis, Graphics2D g2, RectangleEdge edge) {
        Rectangle2D area = new Rectangle2D.Double(60, 10, 520, 300);
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, edge);
        // Minor ticks have no label.
        return ticks.stream().map(t -> ((NumberTick) t).getText()).filter(text -> !text.isEmpty()).toList();
    }

    @Test
    void oneEpochsPointGivesDistinctTickLabelsOnBothAxes() {
        XYSeries loss = new XYSeries("loss");
        loss.add(1, 0.6931);
        JFreeChart chart = LiveChart.epochChart("loss", "loss", new XYSeriesCollection(loss), new XYSeriesCollection(),
                null, "epoch");
        BufferedImage image = new BufferedImage(600, 340, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 600, 340));
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();

        List<String> xs = labels(x, g2, RectangleEdge.BOTTOM);
        List<String> ys = labels(y, g2, RectangleEdge.LEFT);
        g2.dispose();
        assertTrue(!xs.isEmpty() && !ys.isEmpty(), xs + " " + ys);
        assertEquals(xs.size(), xs.stream().distinct().count(), "epoch labels: " + xs);
        assertEquals(ys.size(), ys.stream().distinct().count(), "loss labels: " + ys);
        assertTrue(y.getRange().contains(0.6931) && x.getRange().contains(1));
    }
}
