package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked, packed and (for large products) two-threaded kernels in {@link Gemm} against the textbook triple
 * loop, for every transpose form, odd sizes (a last single row, k not a multiple of four), accumulation into a
 * non-zero target, and products big enough to take the parallel path.
 */
class MatrixProductTest {
    private static final int[][] SHAPES = {   // m, k, n
        {1, 1, 1}, {1, 32, 32}, {2, 3, 5}, {3, 4, 1}, {5, 7, 3}, {7, 9, 11}, {32, 64, 128}, {33, 65, 17},
        {64, 64, 64}, {129, 130, 67},   // 2·129·130·67 > Gemm.PARALLEL_FLOPS: split over two threads
        {5, 300, 270}, {4, 129, 257},   // several cache blocks of B in both directions, with remainders
    };

    private static Matrix random(int rows, int cols, Random rng) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble() * 2 - 1;
        }
        return m;
    }

    /** c + a·b by the definition, element by element. */
    private static Matrix naive(Matrix c, Matrix a, Matrix b) {
        Matrix out = c.copy();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                out.set(i, j, out.get(i, j) + s);
            }
        }
        return out;
    }

    private static void assertNear(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i];
            assertEquals(e, actual.data()[i], 1e-12 * Math.max(1, Math.abs(e)), what + " entry " + i);
        }
    }

    @Test
    void everyFormMatchesTheTripleLoop() {
        Random rng = new Random(3);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            String shape = m + "x" + k + "x" + n;
            Matrix a = random(m, k, rng);
            Matrix b = random(k, n, rng);
            Matrix c = random(m, n, rng);
            Matrix expected = naive(c, a, b);
            Matrix at = a.transpose();
            Matrix bt = b.transpose();
            assertNear(naive(Matrix.zeros(m, n), a, b), a.matmul(b), "matmul " + shape);
            assertNear(naive(Matrix.zeros(m, n), a, b), a.matmulT(bt), "matmulT " + shape);
            assertNear(naive(Matrix.zeros(m, n), a, b), at.tmatmul(b), "tmatmul " + shape);
            assertNear(expected, c.copy().addMatmul(a, false, b, false), "c += a·b " + shape);
            assertNear(expected, c.copy().addMatmul(a, false, bt, true), "c += a·(bᵀ)ᵀ " + shape);
            assertNear(expected, c.copy().addMatmul(at, true, b, false), "c += (aᵀ)ᵀ·b " + shape);
        }
    }

    @Test
    void productsOfDifferentShapesInTurnDoNotDisturbEachOther() {
        // the packing buffer is reused across calls and grows; a smaller product after a larger must not see
        // stale entries
        Random rng = new Random(5);
        Matrix big = random(40, 50, rng);
        Matrix bigB = random(50, 60, rng);
        Matrix small = random(3, 2, rng);
        Matrix smallB = random(2, 4, rng);
        big.matmul(bigB);
        assertNear(naive(Matrix.zeros(3, 4), small, smallB), small.matmul(smallB), "small after big");
    }

    @Test
    void innerSizesMustAgree() {
        Matrix a = Matrix.zeros(2, 3);
        Matrix b = Matrix.zeros(4, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertEquals("matmul: inner sizes differ: (2, 3) and (4, 5)", e.getMessage());
    }
}
