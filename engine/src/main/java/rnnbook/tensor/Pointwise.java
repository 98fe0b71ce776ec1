package rnnbook.tensor;

import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise functions over runs of an array, the nonlinearities every training step applies to hundreds of
 * thousands of numbers:
 * <pre>
 *   tanh(x) = sign(x) · (1 - e^(-2|x|)) / (1 + e^(-2|x|))     σ(x) = 1 / (1 + e^(-x))
 * </pre>
 * The scalar forms here are the definitions. When the JVM has the Vector API ({@link Simd}), the array forms run
 * {@link PointwiseVector}: the same formulas on whole vector registers with the SIMD exponential, several times
 * faster; results agree with the scalar forms to within a few units in the last place.
 */
public final class Pointwise {
    private Pointwise() {
    }

    /** Below this |x|, tanh's quotient would lose digits to cancellation and the Taylor series takes over. */
    static final double TANH_SERIES_BELOW = 0x1p-6;

    /**
     * tanh(x) = (1 - e^(-2|x|)) / (1 + e^(-2|x|)) with the sign of x; for |x| < 2⁻⁶ the Taylor series
     * x - x³/3 + 2x⁵/15 - 17x⁷/315 instead. Within 1e-14 relative of {@link Math#tanh}, and several times faster
     * on JDK 17, whose Math.tanh is not compiled to machine instructions while Math.exp is.
     */
    public static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < TANH_SERIES_BELOW) {
            if (x == 0) {
                return x;   // keeps the sign of -0.0
            }
            double x2 = x * x;
            return x + x * x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315)));
        }
        if (ax < 22) {   // beyond 22, tanh is 1 to double precision
            double e = Math.exp(-2 * ax);
            return Math.copySign((1 - e) / (1 + e), x);
        }
        return Double.isNaN(x) ? x : Math.copySign(1.0, x);
    }

    /** σ(x) = 1 / (1 + e^(-x)), written so that exp never overflows. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** d[i] = tanh(d[i]) for from <= i < to. */
    public static void tanh(double[] d, int from, int to) {
        if (Simd.AVAILABLE) {
            PointwiseVector.tanh(d, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            d[i] = tanh(d[i]);
        }
    }

    /** d[i] = σ(d[i]) for from <= i < to. */
    public static void sigmoid(double[] d, int from, int to) {
        if (Simd.AVAILABLE) {
            PointwiseVector.sigmoid(d, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            d[i] = sigmoid(d[i]);
        }
    }

    /** σ(a), elementwise, as a new matrix. */
    public static Matrix sigmoid(Matrix a) {
        Matrix y = a.copy();
        sigmoid(y.data(), 0, y.size());
        return y;
    }

    /** tanh(a), elementwise, as a new matrix. */
    public static Matrix tanh(Matrix a) {
        Matrix y = a.copy();
        tanh(y.data(), 0, y.size());
        return y;
    }

    /** dL/da for y = σ(a), from the output y: dy ⊙ y(1 - y), as a new matrix. */
    public static Matrix sigmoidBackward(Matrix dy, Matrix y) {
        return timesDerivative("sigmoid", dy, y, v -> v * (1 - v));
    }

    /** dL/da for y = tanh(a), from the output y: dy ⊙ (1 - y²), as a new matrix. */
    public static Matrix tanhBackward(Matrix dy, Matrix y) {
        return timesDerivative("tanh", dy, y, v -> 1 - v * v);
    }

    /** dy ⊙ f'(a), with f' written in terms of the output y. */
    private static Matrix timesDerivative(String f, Matrix dy, Matrix y, DoubleUnaryOperator derivative) {
        dy.requireSameShape(f + " backward: dy and y", y);
        Matrix da = dy.copy();
        double[] d = da.data();
        double[] ys = y.data();
        for (int i = 0; i < d.length; i++) {
            d[i] *= derivative.applyAsDouble(ys[i]);
        }
        return da;
    }

    /** d[i] = e^(d[i] - shift) for from <= i < to; returns their sum (a softmax's denominator). */
    public static double expShifted(double[] d, int from, int to, double shift) {
        if (Simd.AVAILABLE) {
            return PointwiseVector.expShifted(d, from, to, shift);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            d[i] = Math.exp(d[i] - shift);
            sum += d[i];
        }
        return sum;
    }

    /**
     * dst[dstFrom + i] += src[srcFrom + i] for 0 <= i < n: one row added onto another (a bias onto each example,
     * each example onto a bias gradient). HotSpot leaves this loop scalar when the offsets vary, so it has a SIMD
     * form too.
     */
    public static void addTo(double[] src, int srcFrom, double[] dst, int dstFrom, int n) {
        if (Simd.AVAILABLE) {
            PointwiseVector.addTo(src, srcFrom, dst, dstFrom, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            dst[dstFrom + i] += src[srcFrom + i];
        }
    }

    /** Whether every entry is finite (no NaN, no infinity). */
    public static boolean allFinite(double[] d) {
        if (Simd.AVAILABLE) {
            return PointwiseVector.allFinite(d);
        }
        // x - x is 0 for a finite x and NaN for NaN or ±∞; one test at the end keeps the loop free of branches
        double acc = 0;
        for (double x : d) {
            acc += x - x;
        }
        return acc == 0;
    }
}
