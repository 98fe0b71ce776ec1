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
        // TODO
        return null;
    }

    /** The mean absolute scaled error of {@code forecast} against {@code actual}, scaled on {@code train}. */
    public static double mase(double[] train, double[] actual, double[] forecast, int m) {
        // TODO
        return Double.NaN;
    }
}
