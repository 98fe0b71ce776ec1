package rnnbook.exercises;

/**
 * Exercise mase: the forecast every forecaster must beat, and the error measured against it.
 *
 * <p>A series y_0 .. y_{n-1} has a season of m steps (7 for daily data with a weekly rhythm, 12 for monthly data).
 * <pre>
 *   seasonalNaive:  the forecasts of y_n .. y_{n+H-1} from the history: each repeats the value one season before it,
 *                   so forecast h (h = 0 .. H-1) is y_{n - m + (h mod m)}: the last season, over and over
 *   mase:           mean_t |actual_t - forecast_t|  /  q,   q = (1 / (k - m)) Σ_{t=m}^{k-1} |train_t - train_{t-m}|
 *                   (q: the seasonal naive forecast's mean absolute error inside the training part of length k)
 * </pre>
 * Bad input is an {@code IllegalArgumentException} saying what is wrong: m < 1, a history of fewer than m values,
 * H < 1; for mase a training part of at most m values, actual and forecast of different lengths or empty.
 */
public final class Mase {
    private Mase() {
    }

    /** The next {@code horizon} values, each the value one season earlier (the last season repeated). */
    public static double[] seasonalNaive(double[] history, int m, int horizon) {
        if (m < 1 || history.length < m || horizon < 1) {
            throw new IllegalArgumentException("need m >= 1, at least m values of history and horizon >= 1, got m = "
                    + m + ", " + history.length + " values, horizon " + horizon);
        }
        int n = history.length;
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = history[n - 1];   // MUTANT: the plain naive forecast, no season
        }
        return out;
    }

    /** The mean absolute scaled error of {@code forecast} against {@code actual}, scaled on {@code train}. */
    public static double mase(double[] train, double[] actual, double[] forecast, int m) {
        if (m < 1 || train.length <= m) {
            throw new IllegalArgumentException("the training part needs more than m = " + m + " values, got "
                    + train.length);
        }
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many forecasts as actual values, at least one, got "
                    + actual.length + " and " + forecast.length);
        }
        double q = 0;
        for (int t = m; t < train.length; t++) {
            q += Math.abs(train[t] - train[t - m]);
        }
        q /= train.length - m;
        double error = 0;
        for (int t = 0; t < actual.length; t++) {
            error += Math.abs(actual[t] - forecast[t]);
        }
        return error / actual.length / q;
    }
}
