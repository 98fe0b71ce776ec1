package rnnbook.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
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

    /**
     * Choices this class made for a chart, undone before it styles the chart again: a notebook may show a chart, add
     * a series and show it again, and must not keep a hidden legend or axis ends fitted to the old data.
     */
    private static final Map<Styler, Map<String, Object>> CHOSEN = Collections.synchronizedMap(new WeakHashMap<>());

    private BookStyle() {
    }

    private static void undoChoices(Styler s) {
        Map<String, Object> chosen = CHOSEN.remove(s);
        if (chosen == null || !(s instanceof AxesChartStyler axes)) {
            return;
        }
        // undone only where the chart still holds what this class chose, not what someone set since
        if (Boolean.FALSE.equals(chosen.get("legend")) && !axes.isLegendVisible()) {
            axes.setLegendVisible(true);
        }
        if (chosen.containsKey("yMin") && chosen.get("yMin").equals(axes.getYAxisMin())) {
            axes.setYAxisMin(null);
        }
        if (chosen.containsKey("yMax") && chosen.get("yMax").equals(axes.getYAxisMax())) {
            axes.setYAxisMax(null);
        }
    }

    private static void chose(Styler s, String what, Object value) {
        CHOSEN.computeIfAbsent(s, k -> new java.util.HashMap<>()).put(what, value);
    }

    /** Applies the book's look; a legend XChart would put beside the plot goes below it instead. */
    static void apply(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        undoChoices(s);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xBBBBBB));
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartFontColor(INK);
        s.setLegendFont(LEGEND);
        s.setAnnotationTextFont(TICKS);   // labels on points (XChart's default is 12 px monospace, unreadable on a phone)
        s.setAnnotationTextFontColor(INK);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPadding(10);
        s.setChartPadding(14);   // room for half of the last x label ("1,000") beyond the plot's right edge
        s.setSeriesColors(SERIES);
        if (chart instanceof XYChart && legendEntries(chart) <= 1) {
            if (s.isLegendVisible()) {
                s.setLegendVisible(false);   // one series: the axis title already names it
                chose(s, "legend", false);
            }
        } else if (chart instanceof XYChart && s.getLegendPosition() == Styler.LegendPosition.OutsideE) {
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
            if (axes.isYAxisLogarithmic() && axes.getYAxisDecimalPattern() == null) {
                axes.setYAxisDecimalPattern("#,##0.#########");   // 10,000 and 0.001, not 1E4 and 1E-3
            }
            if (axes.isXAxisLogarithmic() && axes.getXAxisDecimalPattern() == null) {
                axes.setXAxisDecimalPattern("#,##0.#########");
            }
        }
        if (chart instanceof XYChart xy) {
            for (XYSeries series : xy.getSeriesMap().values()) {
                if (series.getMarker() == null && series.getXData().length > MARKERS_UP_TO
                        && series.getXYSeriesRenderStyle() != XYSeries.XYSeriesRenderStyle.Scatter) {
                    series.setMarker(SeriesMarkers.NONE);
                }
            }
            roundTicks(xy);
            roundEnds(xy);
        }
    }

    /**
     * Ends the linear y axis, which XChart would stop at the data's extremes (148.3, say), at the next round value
     * (a tenth of the range: 160, labelled up to 150), so the last labelled tick is not far short of the largest value; limits a chapter set are kept. Tick labels
     * get as many decimals as their spacing needs; a log x axis loses its dense vertical grid.
     */
    private static void roundEnds(XYChart chart) {
        var s = chart.getStyler();
        double[] x = range(chart, true);
        double[] y = range(chart, false);
        if (s.isXAxisLogarithmic()) {
            s.setPlotGridVerticalLinesVisible(false);   // a log axis would draw one at 2, 3, ..., 9 of every decade
        } else if (s.getXAxisDecimalPattern() == null && x != null) {
            s.setXAxisDecimalPattern(pattern(niceStep((x[1] - x[0]) / 5)));
        }
        if (!s.isYAxisLogarithmic() && y != null) {
            double lo = s.getYAxisMin() != null ? s.getYAxisMin() : y[0];
            double hi = s.getYAxisMax() != null ? s.getYAxisMax() : y[1];
            double step = niceStep((hi - lo) / 10);
            if (s.getYAxisMin() == null) {
                s.setYAxisMin(Math.floor(lo / step) * step);
                chose(s, "yMin", s.getYAxisMin());
            }
            if (s.getYAxisMax() == null) {
                s.setYAxisMax(Math.ceil(hi / step) * step);
                chose(s, "yMax", s.getYAxisMax());
            }
            if (s.getYAxisDecimalPattern() == null) {
                s.setYAxisDecimalPattern(pattern(step));
            }
        }
    }

    /** Digits for ticks about {@code step} apart (and half that): 1,000,000 rather than 1E6, 0.05 rather than .05. */
    static String pattern(double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step / 2) - 1e-9));
        return decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** {min, max} of the finite x (or y) values of all series, or null when there is no spread. */
    private static double[] range(XYChart chart, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > lo ? new double[] {lo, hi} : null;
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

    private static int legendEntries(Chart<?, ?> chart) {
        int entries = 0;
        for (Object o : chart.getSeriesMap().values()) {
            var series = (org.knowm.xchart.internal.series.Series) o;
            entries += series.isShowInLegend() && !TICK_HELPER.equals(series.getName()) ? 1 : 0;
        }
        return entries;
    }

    /** Whether the legend's entries fit side by side under the plot. */
    private static boolean fitsInOneRow(Chart<?, ?> chart) {
        FontRenderContext frc = new FontRenderContext(null, true, false);
        double width = 0;
        int entries = 0;
        for (Object o : chart.getSeriesMap().values()) {
            var series = (org.knowm.xchart.internal.series.Series) o;
            if (series.isShowInLegend() && !TICK_HELPER.equals(series.getName())) {
                width += LEGEND.getStringBounds(series.getName(), frc).getWidth() + 20;   // + line sample, gap
                entries++;
            }
        }
        return entries <= 1 || width + 160 <= chart.getWidth();   // 160: XChart's offset and end padding, measured
    }
}
