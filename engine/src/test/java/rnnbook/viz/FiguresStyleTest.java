package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Charts straight from XChart's builder get the book's look; choices a chapter made are kept. */
class FiguresStyleTest {

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(300).height(200).build();
        chart.addSeries("s", new double[] {0, 1, 2}, new double[] {1, 0, 1});
        return chart;
    }

    @Test
    void defaultsBecomeTheBooksLook() {
        XYChart chart = chart();
        BufferedImage image = Figures.show(chart, "style-test");
        assertEquals(Color.WHITE, chart.getStyler().getChartBackgroundColor());
        assertEquals(90, chart.getStyler().getXAxisTickMarkSpacingHint());
        assertEquals(Color.WHITE.getRGB(), image.getRGB(1, 1), "the corner of the picture is white, not grey");
    }

    @Test
    void aChaptersOwnChoicesAreKept() {
        XYChart chart = chart();
        chart.getStyler().setChartBackgroundColor(Color.BLACK);
        chart.getStyler().setXAxisTickMarkSpacingHint(150);
        Figures.show(chart, "style-test");
        assertEquals(Color.BLACK, chart.getStyler().getChartBackgroundColor());
        assertEquals(150, chart.getStyler().getXAxisTickMarkSpacingHint());
    }
}
