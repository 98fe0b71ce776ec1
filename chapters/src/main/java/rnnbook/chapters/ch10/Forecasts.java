package rnnbook.chapters.ch10;

import static rnnbook.chapters.ch10.Forecasting.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.ch10.ChapterData;
import rnnbook.chapters.common.Show;
import rnnbook.data.sets.Co2;
import rnnbook.data.sets.Observation;
import rnnbook.data.sets.UsBirths;
import rnnbook.train.Scale;
import rnnbook.viz.Charts;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 10, forecasting: a GRU against the seasonal naive forecast and exponential smoothing, by MASE. */
public final class Forecasts {
    private Forecasts() {
    }

    // tag::evaluate[]
    /** The three forecasts of the last 20% of y, one step ahead; rows of {@code table}, and the forecasts. */
    public static Map<String, double[]> compare(String name, double[] y, int m, int width, int steps, Table table) {
        int from = (int) Math.round(y.length * 0.8);       // the past trains, the last fifth tests
        double[] train = Arrays.copyOf(y, from);
        double[] actual = Arrays.copyOfRange(y, from, y.length);
        double alpha = fitAlpha(train);
        Forecaster gru = new Forecaster(width, 16, 31);
        gru.fit(train, steps, 32);
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        forecasts.put("seasonal naive (m = " + m + ")", seasonalNaive(y, m, from));
        forecasts.put("exponential smoothing (alpha = " + alpha + ")", ses(y, alpha, from));
        forecasts.put("GRU on the last " + width + " values", gru.forecast(y, from));
        for (var f : forecasts.entrySet()) {
            double mae = 0;
            for (int t = 0; t < actual.length; t++) {
                mae += Math.abs(actual[t] - f.getValue()[t]) / actual.length;
            }
            table.stringColumn("series").append(name);
            table.stringColumn("forecast").append(f.getKey());
            table.intColumn("test steps").append(actual.length);
            table.doubleColumn("MAE").append(mae);
            table.doubleColumn("MASE").append(mase(actual, f.getValue(), train, m));
        }
        forecasts.put("truth", actual);
        return forecasts;
    }
    // end::evaluate[]

    public static void main(String[] args) {
        // tag::series[]
        double[] births = UsBirths.daily(ChapterData.open(UsBirths.NAME)).stream()
                .mapToDouble(Observation::value).toArray();
        var co2Observed = Co2.monthly();
        double[] co2 = everyMonth(co2Observed);
        System.out.println("births: " + births.length + " days; CO2: " + co2.length + " months, "
                + (co2.length - co2Observed.size()) + " of them filled by a straight line");
        // end::series[]

        // tag::mase-table[]
        int steps = Scale.current().pick(300, 1500);
        Table forecastTable = Table.create("One step ahead over the last fifth of each series, GRU trained "
                        + steps + " steps",
                StringColumn.create("series"), StringColumn.create("forecast"), IntColumn.create("test steps"),
                Show.formatted(DoubleColumn.create("MAE"), "0.00"), Show.formatted(DoubleColumn.create("MASE"), "0.000"));
        var birthForecasts = compare("US births (daily)", births, 7, 14, steps, forecastTable);
        var co2Forecasts = compare("CO2 (monthly, ppm)", co2, 12, 24, steps, forecastTable);
        Figures.table(forecastTable, "forecast-table");
        // end::mase-table[]

        // tag::births-chart[]
        int days = Math.min(56, birthForecasts.get("truth").length);    // the first eight weeks of the test part
        XYChart birthChart = Charts.xy("US births, first " + days + " test days",
                "day of the test part", "births per day");
        double[] day = new double[days];
        Arrays.setAll(day, i -> i);
        birthChart.addSeries("truth", day, Arrays.copyOf(birthForecasts.get("truth"), days));   // drawn first
        for (var f : birthForecasts.entrySet()) {
            if (!f.getKey().equals("truth")) {
                birthChart.addSeries(f.getKey(), day, Arrays.copyOf(f.getValue(), days));
            }
        }
        Figures.show(birthChart, "births-forecast");
        // end::births-chart[]

        // tag::co2-chart[]
        int months = co2Forecasts.get("truth").length;
        XYChart co2Chart = Charts.xy("CO2, the last " + months + " months",
                "month of the test part", "CO2 (ppm)");
        double[] month = new double[months];
        Arrays.setAll(month, i -> i);
        co2Chart.addSeries("truth", month, co2Forecasts.get("truth"));
        for (var f : co2Forecasts.entrySet()) {
            if (!f.getKey().equals("truth")) {
                co2Chart.addSeries(f.getKey(), month, f.getValue());
            }
        }
        Figures.show(co2Chart, "co2-forecast");
        // end::co2-chart[]
    }
}
