package rnnbook.chapters.ch10;

import java.time.LocalDate;
import java.util.List;
import rnnbook.data.sets.Observation;

/**
 * The forecasting yardsticks: the seasonal naive forecast, simple exponential smoothing and MASE, for forecasts
 * made one step ahead from the true values before each step. A series is a {@code double[]} y_0 ... y_{n-1}.
 */
public final class Forecasting {
    private Forecasting() {
    }

    // tag::naive[]
    /** Seasonal naive, one step ahead: ŷ_t = y_{t-m} for t = from ... n-1 (needs from >= m). */
    public static double[] seasonalNaive(double[] y, int m, int from) {
        if (m < 1 || from < m || from >= y.length) {
            throw new IllegalArgumentException("seasonalNaive: need 1 <= m <= from < n, got m = " + m + ", from = "
                    + from + ", n = " + y.length);
        }
        double[] out = new double[y.length - from];
        for (int t = from; t < y.length; t++) {
            out[t - from] = y[t - m];
        }
        return out;
    }

    /**
     * MASE = mean_t |y_t - ŷ_t| / q, where q = mean_{t=m}^{k-1} |y_t - y_{t-m}| is the in-sample error of the
     * seasonal naive forecast on the training part y_0 ... y_{k-1}. Below 1: better, on average, than the seasonal
     * naive forecast was in training.
     */
    public static double mase(double[] actual, double[] forecast, double[] train, int m) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("mase: need as many forecasts as actual values, at least one, got "
                    + actual.length + " actual and " + forecast.length + " forecasts");
        }
        if (m < 1 || train.length <= m) {
            throw new IllegalArgumentException("mase: the training part has " + train.length
                    + " values, need more than the season m = " + m);
        }
        double q = 0;
        for (int t = m; t < train.length; t++) {
            q += Math.abs(train[t] - train[t - m]) / (train.length - m);
        }
        if (q == 0) {
            throw new IllegalArgumentException("mase: the training part repeats itself every " + m
                    + " steps, so the scale is 0");
        }
        double error = 0;
        for (int t = 0; t < actual.length; t++) {
            error += Math.abs(actual[t] - forecast[t]) / actual.length;
        }
        return error / q;
    }
    // end::naive[]

    // tag::ses[]
    /**
     * Simple exponential smoothing: level ℓ_t = α y_t + (1 - α) ℓ_{t-1}, ℓ_0 = y_0; the forecast of y_t is
     * ℓ_{t-1}. Returns the forecasts of y_from ... y_{n-1}.
     */
    public static double[] ses(double[] y, double alpha, int from) {
        if (!(alpha > 0 && alpha <= 1) || from < 1 || from >= y.length) {
            throw new IllegalArgumentException("ses: need 0 < alpha <= 1 and 1 <= from < n, got alpha = " + alpha
                    + ", from = " + from + ", n = " + y.length);
        }
        double[] out = new double[y.length - from];
        double level = y[0];
        for (int t = 1; t < y.length; t++) {
            if (t >= from) {
                out[t - from] = level;
            }
            level = alpha * y[t] + (1 - alpha) * level;
        }
        return out;
    }

    /** The α in 0.01, 0.02, ..., 1 with the least squared one-step error on the training part. */
    public static double fitAlpha(double[] train) {
        double best = 1, bestError = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 100; k++) {
            double[] f = ses(train, k / 100.0, 1);
            double e = 0;
            for (int t = 1; t < train.length; t++) {
                e += (train[t] - f[t - 1]) * (train[t] - f[t - 1]);
            }
            if (e < bestError) {
                best = k / 100.0;
                bestError = e;
            }
        }
        return best;
    }
    // end::ses[]

    /**
     * A monthly series with every month present: months missing from {@code observations} (dated the first of the
     * month) are filled by a straight line between their neighbours. Returns the values from the first month on.
     */
    public static double[] everyMonth(List<Observation> observations) {
        LocalDate start = observations.get(0).date();
        int months = (int) start.until(observations.get(observations.size() - 1).date()).toTotalMonths() + 1;
        double[] out = new double[months];
        for (int i = 0; i < observations.size(); i++) {
            int at = (int) start.until(observations.get(i).date()).toTotalMonths();
            out[at] = observations.get(i).value();
            if (i > 0) {
                int before = (int) start.until(observations.get(i - 1).date()).toTotalMonths();
                for (int gap = before + 1; gap < at; gap++) {   // a straight line across the missing months
                    double f = (double) (gap - before) / (at - before);
                    out[gap] = (1 - f) * out[before] + f * out[at];
                }
            }
        }
        return out;
    }
}
