package rnnbook.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYChart;

/** The small helpers chapters call instead of styling code: tick labels, reference lines, round axis ends. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChartHelpersTest {

    @Test
    void powersOfTenAreWrittenWithSuperscripts() {
        assertEquals("10\u00B9\u2075\u2070", Charts.powerOfTen(150));
        assertEquals("10\u207B\u00B3", Charts.powerOfTen(-3));
        assertEquals("1", Charts.powerOfTen(0));
        assertEquals("10", Charts.powerOfTen(1));
        assertEquals("3.2", Charts.powerOfTen(0.5), "between powers: the value itself, 10^0.5 = 3.16");
    }

    @Test
    void aReferenceLineSpansTheDataAlreadyDrawn() {
        XYChart chart = Charts.xy("t", "x", "y");
        assertThrows(IllegalArgumentException.class, () -> Charts.referenceLine(chart, "chance", 0.25));
        chart.addSeries("data", new double[] {5, 10, 40}, new double[] {1, 0.5, 0.3});
        var line = Charts.referenceLine(chart, "chance", 0.25);
        assertArrayEquals(new double[] {5, 40}, line.getXData());
        assertArrayEquals(new double[] {0.25, 0.25}, line.getYData());
    }

    @Test
    void roundStepsAndLabelPatterns() {
        assertEquals(50, BookStyle.niceStep(38.5), 1e-12);
        assertEquals(20, BookStyle.niceStep(15.4), 1e-12);
        assertEquals(0.25, BookStyle.niceStep(0.22), 1e-12);
        assertEquals(1, BookStyle.niceStep(1), 1e-12);
        assertEquals("#,##0", BookStyle.pattern(50));
        assertEquals("#,##0.##", BookStyle.pattern(0.1));
    }
}
