package rnnbook.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;

    private Charts() {
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
        add(chart, "loss", steps, history.losses()).setLineColor(new Color(0x9ecae1));
        add(chart, "moving average (" + window + " steps)", steps, history.smoothedLosses(window))
                .setLineColor(new Color(0x08519c));
        return chart;
    }

    private static XYChart emptyLines(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
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
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(new Color[]{Color.WHITE, new Color(0x6baed6), new Color(0x08306b)});
        chart.getStyler().setMin(min);
        chart.getStyler().setMax(max == min ? min + 1 : max);
        chart.addSeries(title, xLabels, yBottomUp, cells);
        return chart;
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
