package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link VectorExp} against {@link Math#exp}: ulps over the whole range, the subnormals, the special values. */
class VectorExpTest {
    private static final int L = DoubleVector.SPECIES_PREFERRED.length();

    private static double[] exp(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i + L <= x.length; i += L) {
            VectorExp.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i)).intoArray(y, i);
        }
        return y;
    }

    /** Distance in units of the last place between two finite non-negative doubles. */
    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
    }

    @Test
    @Timeout(60)
    void withinTwoUlpOfMathExpFromUnderflowToOverflow() {
        Random rng = new Random(7);
        double[] x = new double[L * 50_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 5 == 0 ? rng.nextGaussian() * 3 : -746 + 1456 * rng.nextDouble();
        }
        double[] y = exp(x);
        long worst = 0;
        for (int i = 0; i < x.length; i++) {
            long u = ulps(Math.exp(x[i]), y[i]);
            final int at = i;
            assertTrue(u <= 2, () -> "exp(" + x[at] + "): " + y[at] + " against Math.exp " + Math.exp(x[at]));
            worst = Math.max(worst, u);
        }
        assertTrue(worst >= 1, "a polynomial that matched Math.exp to the last bit everywhere would be a surprise");
    }

    @Test
    @Timeout(60)
    void edgesAndSpecialValues() {
        double[] cases = {0.0, -0.0, 1.0, -1.0, 709.78, 709.79, 710.0, 1e308, Double.POSITIVE_INFINITY, -708.4, -720.0,
            -744.0, -745.1, -745.2, -746.0, -1e308, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, -1e-300};
        double[] x = new double[((cases.length + L - 1) / L) * L];
        System.arraycopy(cases, 0, x, 0, cases.length);
        double[] y = exp(x);
        for (int i = 0; i < cases.length; i++) {
            double expected = Math.exp(cases[i]);
            if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
                assertEquals(expected, y[i], "exp(" + cases[i] + ")");
            } else {
                assertTrue(ulps(expected, y[i]) <= 2, "exp(" + cases[i] + ") = " + y[i] + ", Math.exp " + expected);
            }
        }
    }
}
