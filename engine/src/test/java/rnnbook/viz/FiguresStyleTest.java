package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Every chart gets the book's look, whatever builder made it: the styling stays out of the chapters' listings. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FiguresStyleTest {

    private static XYChart chart(int points) {
        XYChart chart = new XYChartBuilder().width(300).height(200).build();
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = i + 1;
            y[i] = Math.sin(i);
        }
        chart.addSeries("s", x, y);
        return chart;
    }

    @Test
    void defaultsBecomeTheBooksLook() {
        XYChart chart = chart(3);
        chart.addSeries("t", new double[] {1, 2, 3}, new double[] {0, 0, 0});
        BufferedImage image = Figures.show(chart, "style-test");
        assertEquals(Color.WHITE, chart.getStyler().getChartBackgroundColor());
        assertEquals(BookStyle.TICKS, chart.getStyler().getAxisTickLabelsFont());
        assertEquals(Styler.LegendPosition.OutsideS, chart.getStyler().getLegendPosition(),
                "the legend goes under the plot, not over the data or beside it (too wide for a phone)");
        assertEquals(Color.WHITE.getRGB(), image.getRGB(1, 1), "the corner of the picture is white, not grey");
    }

    @Test
    void aSingleSeriesNeedsNoLegend() {
        XYChart chart = chart(3);
        Figures.show(chart, "style-test");
        assertFalse(chart.getStyler().isLegendVisible());
    }

    @Test
    void showingAgainAfterAddingASeriesFitsTheNewData() {
        XYChart chart = chart(3);   // y in [-1, 1]
        Figures.show(chart, "style-test");
        assertFalse(chart.getStyler().isLegendVisible());
        chart.addSeries("big", new double[] {1, 2, 3}, new double[] {50, 60, 70});
        chart.getStyler().setYAxisMin(-5.0);   // a limit the reader chose stays
        Figures.show(chart, "style-test");
        assertTrue(chart.getStyler().isLegendVisible(), "two series: the legend is back");
        assertTrue(chart.getStyler().getYAxisMax() >= 70, "axis end refitted: " + chart.getStyler().getYAxisMax());
        assertEquals(-5.0, chart.getStyler().getYAxisMin());
    }

    @Test
    void aWiderTickSpacingIsKept() {
        XYChart chart = chart(3);
        chart.getStyler().setXAxisTickMarkSpacingHint(150);
        Figures.show(chart, "style-test");
        assertEquals(150, chart.getStyler().getXAxisTickMarkSpacingHint());
    }

    @Test
    void longSeriesLoseTheirMarkersShortOnesKeepThem() {
        XYChart longOne = chart(200);
        XYChart shortOne = chart(7);
        Figures.show(longOne, "style-test");
        Figures.show(shortOne, "style-test");
        assertEquals(SeriesMarkers.NONE, longOne.getSeriesMap().get("s").getMarker());
        assertFalse(SeriesMarkers.NONE.equals(shortOne.getSeriesMap().get("s").getMarker()));
    }

    @Test
    void equallySpacedStepsGetAHiddenPointSoTicksAreRound() {
        XYChart chart = chart(200);
        Figures.show(chart, "style-test");
        Figures.show(chart, "style-test");   // twice: still one helper
        var helper = chart.getSeriesMap().get(BookStyle.TICK_HELPER);
        assertEquals(1.5, helper.getXData()[0], "half a step in");
        assertFalse(helper.isShowInLegend());
        assertEquals(2, chart.getSeriesMap().size());
        assertTrue(Figures.describe(chart).contains("Chart of"));
    }
}
