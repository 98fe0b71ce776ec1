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

    /** c + op(A) · op(B) by the default kernel, for form 0 (nn), 1 (tn: a holds Aᵀ) or 2 (nt: b holds Bᵀ). */
    private static double[] product(int form, double[] a, double[] b, double[] c, int m, int k, int n) {
        double[] out = c.clone();
        switch (form) {
            case 1 -> Gemm.tn(a, b, out, k, m, n);
            case 2 -> Gemm.nt(a, b, out, m, k, n);
            default -> Gemm.nn(a, b, out, m, k, n);
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
                double[] viaMatrix = product(form, a, b, c, m, k, n);
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

    /**
     * The SIMD kernel's promise, to the bit: each entry of C gains, per block of {@link Gemm#KC} terms, a sum
     * formed from zero with one fused multiply-add per term in increasing p. Written here as plain
     * {@link Math#fma} loops, so it holds whatever tiles, copies of A or B, or thread split the kernel uses
     * (transposed A is copied into tiles of rows; 517 rows leave a partial tile; 300 terms leave a partial block).
     */
    @Test
    void theSimdKernelSumsEachBlockOfTermsWithOneFmaPerTermInOrder() {
        Random rng = new Random(12);
        // and k = 1 (a batch-1 weight gradient, a rank-one update), n = 32 (a last strip of 8 columns)
        for (int[] s : new int[][] {{517, 300, 40}, {1024, 64, 256}, {9, 131, 33}, {64, 256, 70}, {128, 1, 32},
                {13, 1, 37}, {1, 128, 32}, {6, 40, 32}}) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = random(m * k, rng);
            double[] b = random(k * n, rng);
            double[] c = random(m * n, rng);
            for (int form = 0; form < 3; form++) {
                boolean ta = form == 1;
                boolean tb = form == 2;
                int aRow = ta ? 1 : k;
                int aCol = ta ? m : 1;
                int bRow = tb ? 1 : n;
                int bCol = tb ? k : 1;
                double[] expected = c.clone();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        for (int p0 = 0; p0 < k; p0 += Gemm.KC) {
                            double sum = 0;
                            for (int p = p0; p < Math.min(k, p0 + Gemm.KC); p++) {
                                sum = Math.fma(a[i * aRow + p * aCol], b[p * bRow + j * bCol], sum);
                            }
                            expected[i * n + j] += sum;
                        }
                    }
                }
                double[] actual = product(form, a, b, c, m, k, n);
                String what = m + "x" + k + "x" + n + (ta ? " tn" : tb ? " nt" : " nn");
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 0.0, what + " entry " + i);
                }
            }
        }
    }
}
