package rnnbook.chapters.ch10;

import static rnnbook.chapters.ch10.Forecasting.*;

import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import rnnbook.chapters.ch10.ChapterData;
import rnnbook.chapters.ch10.DayFeatures;
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
    /**
     * The forecasts of the last 20% of y, one step ahead: seasonal naive, smoothing, the GRU with
     * the calendar and {@code blind}, the same GRU without it (k = 0). All are rows of
     * {@code table}; the forecasts returned leave out the blind one.
     */
    public static Map<String, double[]> compare(String name, double[] y, double[][] calendar, int m,
            Forecaster gru, Forecaster blind, int steps, Table table) {
        int from = (int) Math.round(y.length * 0.8);       // the past trains, the last fifth tests
        double[] train = Arrays.copyOf(y, from);
        double[] actual = Arrays.copyOfRange(y, from, y.length);
        double alpha = fitAlpha(train);
        double[][] noCalendar = new double[y.length][0];
        gru.fit(train, calendar, steps, 32);
        blind.fit(train, noCalendar, steps, 32);
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        forecasts.put("seasonal naive (m = " + m + ")", seasonalNaive(y, m, from));
        forecasts.put("exponential smoothing (alpha = " + alpha + ")", ses(y, alpha, from));
        forecasts.put("GRU on " + gru.width() + " steps and the calendar", gru.forecast(y, calendar, from));
        String blindName = "the same GRU without the calendar";
        forecasts.put(blindName, blind.forecast(y, noCalendar, from));
        double naiveMae = Double.NaN;
        for (var f : forecasts.entrySet()) {
            double mae = 0;
            for (int t = 0; t < actual.length; t++) {
                mae += Math.abs(actual[t] - f.getValue()[t]) / actual.length;
            }
            naiveMae = Double.isNaN(naiveMae) ? mae : naiveMae;   // the first forecast is the seasonal naive
            table.stringColumn("series").append(name);
            table.stringColumn("forecast").append(f.getKey());
            table.intColumn("test steps").append(actual.length);
            table.doubleColumn("MAE").append(mae);
            table.doubleColumn("MASE").append(mase(actual, f.getValue(), train, m));
            table.doubleColumn("MAE / naive's").append(mae / naiveMae);
        }
        forecasts.remove(blindName);   // in the table only: on a chart it would crowd the GRU
        forecasts.put("truth", actual);
        return forecasts;
    }
    // end::evaluate[]

    public static void main(String[] args) {
        // tag::series[]
        var birthDays = UsBirths.daily(ChapterData.open(UsBirths.NAME));
        double[] births = birthDays.stream().mapToDouble(Observation::value).toArray();
        List<LocalDate> birthDates = birthDays.stream().map(Observation::date).toList();
        double[][] birthCalendar = DayFeatures.daily(birthDates);
        var co2Observed = Co2.monthly();
        double[] co2 = everyMonth(co2Observed);
        List<LocalDate> co2Months = Stream.iterate(co2Observed.get(0).date(), d -> d.plusMonths(1))
                .limit(co2.length).toList();
        double[][] co2Calendar = DayFeatures.monthly(co2Months);
        System.out.println("births: " + births.length + " days; CO2: " + co2.length + " months, "
                + (co2.length - co2Observed.size()) + " of them filled by a straight line");
        System.out.println("calendar inputs: births " + birthCalendar.length + " x " + birthCalendar[0].length
                + ", CO2 " + co2Calendar.length + " x " + co2Calendar[0].length);
        for (int t = 0; t < birthDates.size(); t++) {
            if (DayFeatures.holiday(birthDates.get(t)) && birthDates.get(t).getMonth() == Month.NOVEMBER) {
                for (int u = t - 1; u <= t + 1; u++) {   // Thanksgiving, the day before and the day after
                    System.out.println(birthDates.get(u) + " " + birthDates.get(u).getDayOfWeek() + " "
                            + Arrays.toString(Arrays.stream(birthCalendar[u])
                                    .map(v -> Math.round(v * 100) / 100.0).toArray()));
                }
                break;
            }
        }
        // end::series[]

        // tag::mase-table[]
        int steps = Scale.current().pick(300, 2000);
        Table forecastTable = Table.create("One step ahead over the last fifth of each series, GRU trained "
                        + steps + " steps",
                StringColumn.create("series"), StringColumn.create("forecast"), IntColumn.create("test steps"),
                Show.formatted(DoubleColumn.create("MAE"), "0.00"), Show.formatted(DoubleColumn.create("MASE"), "0.000"),
                Show.formatted(DoubleColumn.create("MAE / naive's"), "0.00"));
        var birthForecasts = compare("US births (daily)", births, birthCalendar, 7,
                new Forecaster(28, 7, DayFeatures.DAILY, 24, 31), new Forecaster(28, 7, 0, 24, 31), steps,
                forecastTable);
        var co2Forecasts = compare("CO2 (monthly, ppm)", co2, co2Calendar, 12,
                new Forecaster(24, 12, 2, 16, 31), new Forecaster(24, 12, 0, 16, 31), steps, forecastTable);
        Figures.table(forecastTable, "forecast-table");
        // end::mase-table[]

        // tag::births-chart[]
        int testFrom = births.length - birthForecasts.get("truth").length;
        int first = testFrom;
        while (first < births.length - 1 && !(birthDates.get(first).getMonth() == Month.NOVEMBER
                && birthDates.get(first).getDayOfMonth() == 15)) {
            first++;     // the first November 15 of the test part: Thanksgiving, Christmas and New Year follow
        }
        int days = Math.min(56, births.length - first);
        XYChart birthChart = Charts.xy("US births from " + birthDates.get(first) + ", " + days + " days",
                "days from " + birthDates.get(first), "births per day");
        double[] day = new double[days];
        Arrays.setAll(day, i -> i);
        int at = first - testFrom;
        birthChart.addSeries("truth", day, Arrays.copyOfRange(birthForecasts.get("truth"), at, at + days));
        for (var f : birthForecasts.entrySet()) {
            // smoothing (MASE in the table) is left out: its flat line would squash the others
            if (!f.getKey().equals("truth") && !f.getKey().startsWith("exponential")) {
                birthChart.addSeries(f.getKey(), day, Arrays.copyOfRange(f.getValue(), at, at + days));
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
