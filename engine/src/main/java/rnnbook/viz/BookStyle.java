package rnnbook.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every figure of the book shares, so chapter programs show only what a chart says (series, labels) and
 * not how it is dressed. Sized for a phone as well as a desk: a chart {@value Charts#WIDTH} pixels wide shown on a
 * 390-pixel phone shrinks to about two thirds, and its 14-pixel labels stay about 9.5 pixels tall.
 */
final class BookStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Okabe and Ito's palette, told apart with every common form of colour blindness. */
    static final Color[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    static final Color GRID = new Color(0xE4E4E4);
    static final Color INK = new Color(0x222222);
    /** A series with more points than this is drawn as a line without a marker at each point. */
    static final int MARKERS_UP_TO = 25;
    /** Name of the invisible point {@link #roundTicks} adds. */
    static final String TICK_HELPER = "\u200B";

    private BookStyle() {
    }

    /** Applies the book's look; a legend XChart would put beside the plot goes below it instead. */
    static void apply(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xBBBBBB));
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartFontColor(INK);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPadding(6);
        s.setChartPadding(8);
        s.setSeriesColors(SERIES);
        if (s.getLegendPosition() == Styler.LegendPosition.OutsideE) {
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            s.setLegendLayout(fitsInOneRow(chart) ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        }
        if (s instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(AXIS_TITLE);
            axes.setAxisTickLabelsFont(TICKS);
            axes.setAxisTickLabelsColor(INK);
            axes.setPlotGridLinesColor(GRID);
            axes.setPlotGridLinesStroke(new BasicStroke(1f));
            axes.setAxisTickPadding(4);
            axes.setPlotMargin(0);
            axes.setXAxisTickMarkSpacingHint(Math.max(axes.getXAxisTickMarkSpacingHint(), 80));
            axes.setYAxisTickMarkSpacingHint(Math.max(axes.getYAxisTickMarkSpacingHint(), 50));
        }
        if (chart instanceof XYChart xy) {
            for (XYSeries series : xy.getSeriesMap().values()) {
                if (series.getMarker() == null && series.getXData().length > MARKERS_UP_TO) {
                    series.setMarker(SeriesMarkers.NONE);
                }
            }
            roundTicks(xy);
        }
    }

    /**
     * XChart labels an axis of equally spaced x values (steps 1, 2, ..., 200) at every n-th value, which gives
     * ticks like 1, 10, 19, 28; it uses its round-number ticks (0, 50, 100) once the values are not equally spaced,
     * so this adds one invisible point half a step in.
     */
    private static void roundTicks(XYChart chart) {
        if (chart.getSeriesMap().containsKey(TICK_HELPER)) {
            return;
        }
        Set<Double> xs = new LinkedHashSet<>();
        XYSeries first = null;
        for (XYSeries series : chart.getSeriesMap().values()) {
            first = first == null ? series : first;
            for (double x : series.getXData()) {
                xs.add(x);
            }
        }
        if (first == null || xs.size() <= 12) {
            return;
        }
        Double[] v = xs.toArray(new Double[0]);
        double step = v[1] - v[0];
        for (int i = 2; i < v.length; i++) {
            if (Math.abs(v[i] - v[i - 1] - step) > 1e-4) {
                return;
            }
        }
        XYSeries helper = chart.addSeries(TICK_HELPER, new double[] {v[0] + step / 2},
                new double[] {first.getYData()[0]});
        helper.setMarker(SeriesMarkers.NONE);
        helper.setShowInLegend(false);
        helper.setLineColor(new Color(0, 0, 0, 0));
    }

    /** Whether the legend's entries fit side by side under the plot. */
    private static boolean fitsInOneRow(Chart<?, ?> chart) {
        FontRenderContext frc = new FontRenderContext(null, true, false);
        double width = 0;
        int entries = 0;
        for (Object o : chart.getSeriesMap().values()) {
            var series = (org.knowm.xchart.internal.series.Series) o;
            if (series.isShowInLegend() && !TICK_HELPER.equals(series.getName())) {
                width += LEGEND.getStringBounds(series.getName(), frc).getWidth() + 24 + 20;
                entries++;
            }
        }
        return entries <= 1 || width < chart.getWidth() - 40;
    }
}
