package rnnbook.runner;

import java.util.Locale;

/**
 * Domain assertions for the public checks (JUnit tests a learner runs with {@code ./book check}, Maven or an IDE).
 * Messages say what differs: a missing result (is it still the starter?), a shape naming both shapes, the largest
 * error and where. Numbers are passed as (rows, cols, row-major data) so the helpers need no engine class.
 */
public final class Expect {
    private Expect() {
    }

    /** A failed expectation; JUnit reports it as a failed test with this message. */
    public static final class Failed extends AssertionError {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new Failed(message);
        }
    }

    public static void notNull(Object value, String what) {
        that(value != null, what + " is null: the method returned nothing (is it still the starter?)");
    }

    public static void shape(String what, int expectedRows, int expectedCols, int rows, int cols) {
        that(rows == expectedRows && cols == expectedCols, what + " has shape (" + rows + ", " + cols
                + "), expected (" + expectedRows + ", " + expectedCols + ")");
    }

    /** |expected - actual| <= tol·(1 + |expected|); NaN fails. */
    public static void near(String what, double expected, double actual, double tol, String hint) {
        double err = Math.abs(expected - actual);
        that(err <= tol * (1 + Math.abs(expected)), what + " is " + fmt(actual) + ", expected " + fmt(expected)
                + suffix(hint));
    }

    /** Elementwise closeness of two row-major arrays of a (rows, cols) shape: names the largest error and where. */
    public static void close(String what, double[] expected, double[] actual, int cols, double tol, String hint) {
        notNull(actual, what);
        that(expected.length == actual.length, what + " has " + actual.length + " entries, expected "
                + expected.length);
        double worst = -1;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            double e = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
            if (!(err <= tol * (1 + Math.abs(expected[i]))) && e > worst) {
                worst = e;
                at = i;
            }
        }
        if (at >= 0) {
            String where = cols > 0 ? "row " + at / cols + ", column " + at % cols : "index " + at;
            throw new Failed(what + " differs from the expected values: largest error "
                    + (Double.isInfinite(worst) ? "NaN/infinite" : fmt(worst)) + " at " + where + " (expected "
                    + fmt(expected[at]) + ", got " + fmt(actual[at]) + ")" + suffix(hint));
        }
    }

    public static void equal(String what, long expected, long actual, String hint) {
        that(expected == actual, what + " is " + actual + ", expected " + expected + suffix(hint));
    }

    private static String suffix(String hint) {
        return hint == null || hint.isEmpty() ? "" : ". Hint: " + hint;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
