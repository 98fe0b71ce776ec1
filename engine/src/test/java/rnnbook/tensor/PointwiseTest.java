package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The array forms of {@link Pointwise}, both the SIMD ones ({@link PointwiseVector}, which the engine's tests run)
 * and the scalar definitions, against the JDK's functions, at the edges and over the ranges training produces.
 */
class PointwiseTest {

    /** |x| from 1e-8 to 40, both signs, many near the switch to the series at 2^-6, and the special values. */
    private static double[] inputs(int count, long seed) {
        Random rng = new Random(seed);
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 22.0,
            -22.0, 21.999, 0x1p-6, -0x1p-6, Math.nextDown(0x1p-6), 1e-300, -1e-300, 745.0, -745.0, 1e300, -1e300};
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = i < specials.length ? specials[i] : (rng.nextBoolean() ? 1 : -1) * (i % 4 == 0
                    ? 0x1p-6 * (0.9 + 0.2 * rng.nextDouble())
                    : Math.pow(10, -8 + 9.6 * rng.nextDouble()));
        }
        return x;
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        if (expected == 0) {   // the sign of zero is kept
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
            return;
        }
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    @Test
    void simdTanhAgreesWithMathTanh() {
        double[] x = inputs(100_003, 1);   // an odd length: the scalar tail runs too
        double[] y = x.clone();
        PointwiseVector.tanh(y, 0, y.length);
        for (int i = 0; i < x.length; i++) {
            assertClose(Math.tanh(x[i]), y[i], 1e-14, "tanh(" + x[i] + ")");
        }
    }

    @Test
    void sigmoidAgreesWithItsDefinitionInBothForms() {
        double[] x = inputs(50_001, 2);
        double[] y = x.clone();
        PointwiseVector.sigmoid(y, 0, y.length);
        for (int i = 0; i < x.length; i++) {
            double expected = 1.0 / (1.0 + Math.exp(-x[i]));   // the definition; 0 below x = -709
            for (double actual : new double[] {y[i], Pointwise.sigmoid(x[i])}) {
                String what = "sigmoid(" + x[i] + ") = " + actual;
                if (Double.isNaN(x[i])) {
                    assertTrue(Double.isNaN(actual), what);
                } else if (expected < 1e-300) {   // far in the tail either form may give 0 or a subnormal
                    assertTrue(actual >= 0 && actual < 1e-300, what);
                } else {
                    assertEquals(expected, actual, 1e-14 * expected, what);
                }
            }
        }
    }

    @Test
    void arrayFormsTouchOnlyTheirRange() {
        double[] d = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        Pointwise.tanh(d, 2, 11);
        assertEquals(0.5, d[0], 0.0);
        assertEquals(0.5, d[1], 0.0);
        assertEquals(0.5, d[11], 0.0);
        assertEquals(0.5, d[12], 0.0);
        for (int i = 2; i < 11; i++) {
            assertEquals(Math.tanh(0.5), d[i], 1e-15);
        }
    }

    @Test
    void expShiftedReturnsTheSumOfWhatItWrote() {
        Random rng = new Random(3);
        for (int length : new int[] {1, 7, 8, 64, 65}) {
            double[] z = new double[length + 2];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextGaussian() * 5;
            }
            double[] d = z.clone();
            double sum = Pointwise.expShifted(d, 1, 1 + length, 2.5);
            double expectedSum = 0;
            for (int i = 1; i <= length; i++) {
                double e = Math.exp(z[i] - 2.5);
                assertEquals(e, d[i], 1e-15 * e);
                expectedSum += e;
            }
            assertEquals(expectedSum, sum, 1e-14 * expectedSum);
            assertEquals(z[0], d[0], 0.0);
            assertEquals(z[length + 1], d[length + 1], 0.0);
        }
    }

    @Test
    void addToAddsOneRunOntoAnotherAndNothingElse() {
        for (int n : new int[] {0, 1, 7, 8, 9, 33}) {
            double[] src = new double[n + 5];
            double[] dst = new double[n + 7];
            for (int i = 0; i < src.length; i++) {
                src[i] = i + 0.25;
            }
            for (int i = 0; i < dst.length; i++) {
                dst[i] = 100 * i;
            }
            double[] simd = dst.clone();
            Pointwise.addTo(src, 3, dst, 5, n);
            PointwiseVector.addTo(src, 3, simd, 5, n);
            for (int i = 0; i < dst.length; i++) {
                double expected = 100 * i + (i >= 5 && i < 5 + n ? i - 5 + 3 + 0.25 : 0);
                assertEquals(expected, dst[i], 0.0, "n = " + n + ", entry " + i);
                assertEquals(expected, simd[i], 0.0, "n = " + n + ", entry " + i + " (SIMD)");
            }
        }
    }

    @Test
    void allFiniteFindsABadEntryAnywhere() {
        for (int length : new int[] {1, 8, 13, 100}) {
            assertTrue(Pointwise.allFinite(new double[length]));
            for (int at = 0; at < length; at++) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    double[] d = new double[length];
                    java.util.Arrays.fill(d, 1e308);   // huge but finite: x - x is still 0
                    d[at] = bad;
                    assertFalse(Pointwise.allFinite(d), bad + " at " + at + " of " + length);
                    assertFalse(PointwiseVector.allFinite(d), bad + " at " + at + " of " + length + " (SIMD)");
                }
            }
        }
    }
}
