package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of mase: seeded seasonal series, what comes back recorded. */
@Timeout(5)
class MaseGraded {
    /** A weekly pattern plus a slow trend plus noise. */
    private static double[] series(long seed, int n, int m) {
        Random rng = new Random(seed);
        double[] pattern = rng.doubles(m, 0, 10).toArray();
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = pattern[t % m] + 0.05 * t + rng.nextGaussian();
        }
        return y;
    }

    @Test
    @DisplayName("seasonal naive, weekly season, one week ahead")
    @Points(2)
    @Hint("forecast h is history[n - m + (h mod m)]")
    void a_naiveWeekly() {
        Record.value("the forecasts", Mase.seasonalNaive(series(201, 30, 7), 7, 7));
    }

    @Test
    @DisplayName("seasonal naive, three seasons ahead")
    @Points(2)
    @Hint("past the first season the forecast starts the last season over again")
    void b_naiveLongHorizon() {
        Record.value("the forecasts", Mase.seasonalNaive(series(202, 40, 12), 12, 30));
    }

    @Test
    @DisplayName("seasonal naive with a season of one is the last value")
    @Points(1)
    @Hint("m = 1: every forecast is the last value of the history")
    void c_naiveSeasonOne() {
        Record.value("the forecasts", Mase.seasonalNaive(series(203, 10, 1), 1, 4));
    }

    @Test
    @DisplayName("MASE of a noisy forecast, weekly season")
    @Points(3)
    @Hint("scale by the mean of |train_t - train_{t-m}| over t = m .. k-1")
    void d_maseWeekly() {
        double[] y = series(204, 70, 7);
        double[] train = java.util.Arrays.copyOf(y, 56);
        double[] actual = java.util.Arrays.copyOfRange(y, 56, 70);
        double[] forecast = actual.clone();
        Random rng = new Random(205);
        for (int i = 0; i < forecast.length; i++) {
            forecast[i] += rng.nextGaussian();
        }
        Record.value("MASE", Mase.mase(train, actual, forecast, 7));
    }

    @Test
    @DisplayName("MASE of the seasonal naive forecast itself")
    @Points(2)
    @Hint("MASE divides the forecast's mean absolute error by the seasonal naive forecast's in training")
    void e_maseOfNaive() {
        double[] y = series(206, 60, 12);
        double[] train = java.util.Arrays.copyOf(y, 48);
        double[] actual = java.util.Arrays.copyOfRange(y, 48, 60);
        Record.value("MASE", Mase.mase(train, actual, Mase.seasonalNaive(train, 12, 12), 12));
    }

    @Test
    @DisplayName("bad input is refused")
    @Points(1)
    @Hint("m < 1, too short a history or training part, or forecasts and actual values of different lengths")
    void f_badInput() {
        Runnable[] calls = {
            () -> Mase.seasonalNaive(new double[] {1, 2}, 3, 1),
            () -> Mase.seasonalNaive(new double[] {1, 2}, 1, 0),
            () -> Mase.mase(new double[] {1, 2, 3}, new double[] {1}, new double[] {1, 2}, 1),
            () -> Mase.mase(new double[] {1, 2}, new double[] {1}, new double[] {1}, 2)};
        for (int i = 0; i < calls.length; i++) {
            boolean refused;
            try {
                calls[i].run();
                refused = false;
            } catch (IllegalArgumentException e) {
                refused = true;
            }
            Record.value("is bad call " + i + " refused?", refused);
        }
    }
}
