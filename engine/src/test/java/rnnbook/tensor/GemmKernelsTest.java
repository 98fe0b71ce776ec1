package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both kernels of {@link Gemm} in one JVM: the SIMD one (taken by {@code Matrix} when the tests run with
 * {@code --add-modules jdk.incubator.vector}, as the engine's pom sets) and the scalar one every JVM without the
 * module uses, each against the triple loop, at sizes that leave partial tiles of rows and columns.
 */
class GemmKernelsTest {
    private static final int[][] SHAPES = {   // m, k, n
        {1, 1, 1}, {1, 32, 32}, {3, 5, 7}, {4, 8, 16}, {5, 13, 17}, {9, 1, 33}, {32, 64, 128}, {37, 131, 259},
    };

    private static double[] random(int size, Random rng) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = rng.nextDouble() * 2 - 1;
        }
        return d;
    }

    /** c + A·B by the definition, with A(i, p) = a[i * aRow + p * aCol] and B(p, j) = b[p * bRow + j * bCol]. */
    private static double[] naive(double[] c, double[] a, int aRow, int aCol, double[] b, int bRow, int bCol,
                                  int m, int k, int n) {
        double[] out = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * aRow + p * aCol] * b[p * bRow + j * bCol];
                }
                out[i * n + j] += s;
            }
        }
        return out;
    }

    @Test
    void theTestsRunTheSimdKernel() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the engine's tests should run with --add-modules jdk.incubator.vector (surefire argLine)");
        assertTrue(Gemm.VECTOR, "jdk.incubator.vector is present but Gemm does not use its SIMD kernel");
    }

    @Test
    void bothKernelsMatchTheTripleLoopInEveryForm() {
        Random rng = new Random(11);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = random(m * k, rng);
            double[] b = random(k * n, rng);
            double[] c = random(m * n, rng);
            for (int form = 0; form < 3; form++) {
                boolean ta = form == 1;
                boolean tb = form == 2;
                // the same numbers read as A(m, k) or as Aᵀ stored (k, m); B(k, n) or Bᵀ stored (n, k)
                double[] expected = naive(c, a, ta ? 1 : k, ta ? m : 1, b, tb ? 1 : n, tb ? k : 1, m, k, n);
                double[] viaMatrix = c.clone();
                if (ta) {
                    Gemm.tn(a, b, viaMatrix, k, m, n);
                } else if (tb) {
                    Gemm.nt(a, b, viaMatrix, m, k, n);
                } else {
                    Gemm.nn(a, b, viaMatrix, m, k, n);
                }
                double[] scalar = c.clone();
                Gemm.scalar(ta, tb, a, b, scalar, m, k, n);
                String what = m + "x" + k + "x" + n + (ta ? " tn" : tb ? " nt" : " nn");
                for (int i = 0; i < expected.length; i++) {
                    double tol = 1e-12 * Math.max(1, Math.abs(expected[i]));
                    assertEquals(expected[i], viaMatrix[i], tol, what + " (default kernel) entry " + i);
                    assertEquals(expected[i], scalar[i], tol, what + " (scalar kernel) entry " + i);
                }
            }
        }
    }
}
