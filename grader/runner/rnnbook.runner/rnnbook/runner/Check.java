package rnnbook.runner;

/**
 * Assertions for exercise tests. Messages say what differs (a shape, the largest error and where) and may carry a
 * hint; they never print the inputs, so hidden tests stay hidden. Stateless on purpose: nothing here can be
 * tampered with between tests.
 */
public final class Check {
    private Check() {
    }

    /** A failed check: its message goes to the learner's report. */
    public static final class Failure extends AssertionError {
        private static final long serialVersionUID = 1L;

        public Failure(String message) {
            super(message);
        }
    }

    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new Failure(message);
        }
    }

    public static void notNull(Object value, String what) {
        if (value == null) {
            throw new Failure(what + " is null: the method returned nothing (is it still the starter?)");
        }
    }

    /** Shapes as (rows, cols). */
    public static void shape(String what, int expectedRows, int expectedCols, int rows, int cols) {
        if (rows != expectedRows || cols != expectedCols) {
            throw new Failure(what + " has shape (" + rows + ", " + cols + "), expected (" + expectedRows + ", "
                    + expectedCols + ")");
        }
    }

    /** |expected - actual| <= tol + tol·|expected|, NaN counts as a failure. */
    public static void near(String what, double expected, double actual, double tol, String hint) {
        double err = Math.abs(expected - actual);
        if (!(err <= tol * (1 + Math.abs(expected)))) {
            throw new Failure(what + " is off by " + fmt(err) + " (tolerance " + fmt(tol) + ")" + suffix(hint));
        }
    }

    /** Elementwise closeness of two row-major arrays of a (rows, cols) shape. */
    public static void close(String what, double[] expected, double[] actual, int cols, double tol, String hint) {
        notNull(actual, what);
        if (expected.length != actual.length) {
            throw new Failure(what + " has " + actual.length + " entries, expected " + expected.length);
        }
        double worst = -1;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            double allowed = tol * (1 + Math.abs(expected[i]));
            if (!(err <= allowed)) {
                double e = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                if (e > worst) {
                    worst = e;
                    at = i;
                }
            }
        }
        if (at >= 0) {
            String where = cols > 0 ? "row " + at / cols + ", column " + at % cols : "index " + at;
            throw new Failure(what + " differs from the expected values: largest error "
                    + (Double.isInfinite(worst) ? "NaN/infinite" : fmt(worst)) + " at " + where
                    + " (tolerance " + fmt(tol) + ")" + suffix(hint));
        }
    }

    public static void equal(String what, long expected, long actual, String hint) {
        if (expected != actual) {
            throw new Failure(what + " is " + actual + ", expected a different value" + suffix(hint));
        }
    }

    private static String suffix(String hint) {
        return hint == null || hint.isEmpty() ? "" : ". Hint: " + hint;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
