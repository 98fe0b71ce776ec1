package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;

class ChartsTest {

    @Test
    void linesHaveOneSeriesPerNameAgainstTheStepIndex() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("tanh", new double[]{1, 0.5, 0.25});
        series.put("relu", new double[]{1, 1});
        XYChart chart = Charts.lines("decay", "step", "|h|", series);
        assertEquals(List.of("tanh", "relu"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[]{0, 1, 2}, chart.getSeriesMap().get("tanh").getXData());
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(Charts.WIDTH, image.getWidth());
    }

    @Test
    void mismatchedSeriesLengthIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.lines("t", "x", "y", new double[]{1, 2}, Map.of("a", new double[]{1, 2, 3})));
        assertEquals("series a has 3 values for 2 x values", e.getMessage());
    }

    /** Row 0 of the matrix is drawn at the top: XChart's y index counts from the bottom, so it gets y = rows - 1. */
    @Test
    void heatmapPutsRowZeroAtTheTop() {
        double[][] attention = {{0.9, 0.1, 0.0}, {0.2, 0.7, 0.1}};
        HeatMapChart chart = Charts.heatmap("attention", "input step", "output step", attention,
                List.of("나", "는", "."), null);
        var series = chart.getHeatMapSeries();
        assertEquals(List.of("1", "0"), series.getYData());
        assertEquals(List.of("나", "는", "."), series.getXData());
        Number[] first = series.getHeatData().get(0);
        assertEquals(0, first[0].intValue());
        assertEquals(1, first[1].intValue());
        assertEquals(0.9, first[2].doubleValue());
        assertEquals(6, series.getHeatData().size());
        assertEquals(Charts.HEIGHT, BitmapEncoder.getBufferedImage(chart).getHeight());
    }

    @Test
    void boxHasOneBoxPerGroupAndNamesAnEmptyGroup() {
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("V", new double[]{0.1, 0.2, 0.3, 0.4, 0.5});
        groups.put("NFG", new double[]{0.9, 1.1, 1.0});
        var chart = Charts.box("final loss", "variant", "loss", groups);
        assertEquals(List.of("V", "NFG"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(Charts.WIDTH, BitmapEncoder.getBufferedImage(chart).getWidth());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.box("t", "x", "y", Map.of("NIG", new double[0])));
        assertEquals("box: group NIG has no values", e.getMessage());
    }
}
