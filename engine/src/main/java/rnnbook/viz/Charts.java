package rnnbook.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import rnnbook.train.History;

/**
 * Small XChart helpers for the charts the book draws again and again. Each returns the chart, so a chapter can
 * style it further before handing it to {@link Figures#show}.
 */
public final class Charts {
    /** The size of a book figure: wide enough for a desk, and legible on a phone (see {@link BookStyle}). */
    public static final int WIDTH = 520;
    public static final int HEIGHT = 330;

    private Charts() {
    }

    /** An empty line chart of the book's size, for {@code chart.addSeries(name, x, y)}. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        return emptyLines(title, xTitle, yTitle);
    }

    /**
     * A horizontal reference line at {@code y} across the x range of the series drawn so far (a chance level, the
     * loss of guessing), dashed and grey, named in the legend.
     */
    public static XYSeries referenceLine(XYChart chart, String name, double y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double x : s.getXData()) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("referenceLine: add the data series first, the line spans their x range");
        }
        XYSeries line = add(chart, name, new double[] {lo, hi}, new double[] {y, y});
        line.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        line.setLineColor(new Color(0x555555));
        return line;
    }

    /**
     * For y values that are log10 of a quantity: labels the y ticks as the quantity, in powers of ten
     * (10⁻⁸ ... 10¹⁵⁰), so a chart spanning hundreds of orders of magnitude stays readable.
     */
    public static XYChart powersOfTen(XYChart chart) {
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Charts::powerOfTen);
        return chart;
    }

    /** 10 to the power {@code exponent}, written with superscript digits when the exponent is whole. */
    static String powerOfTen(double exponent) {
        long whole = Math.round(exponent);
        if (Math.abs(exponent - whole) > 1e-9) {
            return String.format(java.util.Locale.ROOT, "%.2g", Math.pow(10, exponent));
        }
        if (whole == 0) {
            return "1";
        }
        if (whole == 1) {
            return "10";
        }
        StringBuilder sb = new StringBuilder("10");
        for (char c : Long.toString(whole).toCharArray()) {
            sb.append(c == '-' ? '\u207B' : "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079".charAt(c - '0'));
        }
        return sb.toString();
    }

    /** Several named series against the step index 0, 1, 2, ... (series may differ in length). */
    public static XYChart lines(String title, String xTitle, String yTitle, Map<String, double[]> series) {
        XYChart chart = emptyLines(title, xTitle, yTitle);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            add(chart, e.getKey(), x, y);
        }
        return chart;
    }

    /** Several named series against shared x values. */
    public static XYChart lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> ys) {
        XYChart chart = emptyLines(title, xTitle, yTitle);
        for (Map.Entry<String, double[]> e : ys.entrySet()) {
            if (e.getValue().length != x.length) {
                throw new IllegalArgumentException("series " + e.getKey() + " has " + e.getValue().length
                        + " values for " + x.length + " x values");
            }
            add(chart, e.getKey(), x, e.getValue());
        }
        return chart;
    }

    /** The loss per step and its moving average over {@code max(1, steps / 20)} steps. */
    public static XYChart loss(History history, String title) {
        double[] steps = new double[history.size()];
        int[] s = history.steps();
        for (int i = 0; i < steps.length; i++) {
            steps[i] = s[i];
        }
        int window = Math.max(1, history.size() / 20);
        XYChart chart = emptyLines(title, "step", "loss");
        XYSeries raw = add(chart, "loss", steps, history.losses());
        raw.setLineColor(new Color(0x9ecae1));
        raw.setLineWidth(1f);
        add(chart, "moving average (" + window + " steps)", steps, history.smoothedLosses(window))
                .setLineColor(new Color(0x08519c));
        return chart;
    }

    /**
     * One box per named group of values (the runs of one model, say), in the map's order: the box spans the
     * quartiles, the line inside is the median, and values more than 1.5 box lengths beyond the box are drawn as
     * points. The whiskers follow XChart's rule: they reach 1.5 box lengths beyond the box, cut back to the most
     * extreme value when that is nearer (so a whisker's end is not always a value; Tukey's end at the furthest value
     * inside the range). The names label the x axis, so there is no legend. Each group needs at least one value.
     */
    public static BoxChart box(String title, String xTitle, String yTitle, Map<String, double[]> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("box: no groups to draw");
        }
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            if (e.getValue().length == 0) {
                throw new IllegalArgumentException("box: group " + e.getKey() + " has no values");
            }
            chart.addSeries(e.getKey(), e.getValue());
        }
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.###");   // 0.025, not XChart's .025
        return chart;
    }

    private static XYChart emptyLines(String title, String xTitle, String yTitle) {
        return new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
    }

    private static XYSeries add(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /**
     * A heatmap of {@code values[row][col]} drawn like a matrix printout: row 0 at the top, column 0 at the left.
     * For gate activations (rows = units, columns = time steps) or attention weights (rows = output steps,
     * columns = input steps). Labels may be null for 0, 1, 2, ...; colours run from white (the minimum) to dark
     * blue (the maximum).
     */
    public static HeatMapChart heatmap(String title, String xTitle, String yTitle, double[][] values,
                                       List<String> columnLabels, List<String> rowLabels) {
        int rows = values.length;
        if (rows == 0 || values[0].length == 0) {
            throw new IllegalArgumentException("heatmap: no values to draw");
        }
        int cols = values[0].length;
        List<String> xLabels = labels(columnLabels, cols, "columns");
        List<String> yLabels = labels(rowLabels, rows, "rows");
        List<String> yBottomUp = new ArrayList<>(yLabels);
        java.util.Collections.reverse(yBottomUp);   // XChart puts its first y label at the bottom
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("heatmap: row " + r + " has " + values[r].length
                        + " values, row 0 has " + cols);
            }
            for (int c = 0; c < cols; c++) {
                cells.add(new Number[]{c, rows - 1 - r, values[r][c]});
                min = Math.min(min, values[r][c]);
                max = Math.max(max, values[r][c]);
            }
        }
        // wide enough for a 14-pixel label (a Hangul syllable) under every column
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(WIDTH, 130 + 19 * cols))
                .height(Math.max(HEIGHT, 110 + 20 * rows)).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(0x6baed6), new Color(0x08306b)});
        max = max == min ? min + 1 : max;
        double step = BookStyle.niceStep((max - min) / 10);
        chart.getStyler().setMin(roundOut(min, step, false));   // the colour bar prints its ends in full
        chart.getStyler().setMax(roundOut(max, step, true));
        chart.addSeries(title, xLabels, yBottomUp, cells);
        return chart;
    }

    /**
     * Like {@link #heatmap}, for values of either sign (a tanh state in [-1, 1]): blue below zero, white at zero, red
     * above, symmetric around zero so equal colours mean equal sizes.
     */
    public static HeatMapChart signedHeatmap(String title, String xTitle, String yTitle, double[][] values,
                                             List<String> columnLabels, List<String> rowLabels) {
        HeatMapChart chart = heatmap(title, xTitle, yTitle, values, columnLabels, rowLabels);
        double extent = 0;
        for (double[] row : values) {
            for (double v : row) {
                extent = Math.max(extent, Math.abs(v));
            }
        }
        extent = extent == 0 ? 1 : roundOut(extent, BookStyle.niceStep(extent / 10), true);
        chart.getStyler().setRangeColors(new Color[]{new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
        chart.getStyler().setMin(-extent);
        chart.getStyler().setMax(extent);
        return chart;
    }

    /** {@code v} rounded outwards (up or down) to a multiple of {@code step}, without binary noise (0.3, not 0.30000000000000004). */
    private static double roundOut(double v, double step, boolean up) {
        double r = (up ? Math.ceil(v / step - 1e-9) : Math.floor(v / step + 1e-9)) * step;
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", r));
    }

    private static List<String> labels(List<String> given, int n, String what) {
        if (given == null) {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Integer.toString(i));
            }
            return out;
        }
        if (given.size() != n) {
            throw new IllegalArgumentException("heatmap: " + given.size() + " labels for " + n + " " + what);
        }
        return given;
    }
}
