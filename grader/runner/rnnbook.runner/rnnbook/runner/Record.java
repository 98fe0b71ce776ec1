package rnnbook.runner;

import rnnbook.runner.internal.Recorder;

/**
 * How a hidden test hands the submission's outputs to the grader. A hidden test never computes the expected
 * answer: it calls the submission on seeded inputs and records what came back under a name. The grader runs the
 * same test class once against the reference solution (in a separate child the submission never runs in) and
 * compares, per test and name, the two recordings itself; the tolerance is the one the reference run recorded.
 *
 * <p>Accepted values: {@code null} (recorded as missing), {@code Double}, {@code Integer}, {@code Long},
 * {@code Boolean}, {@code double[]}, {@code int[]}, {@code long[]}, {@code double[][]}, {@code int[][]} and the
 * engine's
 * {@code Matrix}. Anything else is recorded as a value of the wrong type. Recording the same name twice in one
 * test fails the test. A name ending in {@code ?} is a yes/no question (record a {@code Boolean}).
 */
public final class Record {
    /** The default tolerance: |expected - actual| <= tol·(1 + |expected|) per entry. */
    public static final double TOLERANCE = 1e-10;

    private Record() {
    }

    public static void value(String name, Object value) {
        Recorder.record(name, value, TOLERANCE);
    }

    /**
     * The shape of a {@code Matrix} (or of a {@code double[][]}), as the value {@code "shape of " + what}:
     * (rows, cols), or missing when {@code matrix} is null.
     */
    public static void shape(String what, Object matrix) {
        Recorder.recordShape("shape of " + what, matrix);
    }

    /** With a tolerance of its own (only the reference run's tolerance is used). */
    public static void value(String name, Object value, double tolerance) {
        Recorder.record(name, value, tolerance);
    }
}
