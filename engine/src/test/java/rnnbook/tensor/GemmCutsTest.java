package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The matrix kernel's result does not depend on how a product is cut: into tiles of 6 or 4 rows or single rows,
 * into panels of A, into strips of B, or between the two cores (by rows for tall products, by columns for the
 * few-row products of a time step). Each entry of C must be the same bits whether it is computed inside the whole
 * product or in a product of its row of A alone, or of a slice of B's columns alone, since the determinism of
 * training and the fast road's equality with the readable cells both rest on it. Sizes: batches 1 to 64 leave
 * every short last panel (1 to 5 rows, and 8 = 4 + 4); products of at least 2^18 flops are split over the cores.
 */
class GemmCutsTest {
    private static final int[][] SHAPES = {   // m, k, n
        {2, 7, 40}, {5, 130, 33}, {8, 64, 512}, {13, 300, 70}, {32, 128, 512}, {64, 256, 1024}, {64, 1024, 256},
        {200, 129, 48},
    };

    private static Matrix random(int rows, int cols, Random rng) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = rng.nextDouble() * 2 - 1;
        }
        return m;
    }

    private static Matrix rows(Matrix x, int from, int to) {
        Matrix out = Matrix.zeros(to - from, x.cols());
        System.arraycopy(x.data(), from * x.cols(), out.data(), 0, out.size());
        return out;
    }

    private static Matrix columns(Matrix x, int from, int to) {
        Matrix out = Matrix.zeros(x.rows(), to - from);
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(x.data(), i * x.cols() + from, out.data(), i * out.cols(), to - from);
        }
        return out;
    }

    @Test
    @Timeout(120)
    void everyEntryIsTheSameBitsHoweverTheProductIsCut() {
        Random rng = new Random(17);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Matrix a = random(m, k, rng);
            Matrix b = random(k, n, rng);
            Matrix start = random(m, n, rng);
            String shape = m + "x" + k + "x" + n;
            Matrix whole = start.copy().addMatmul(a, false, b, false);
            Matrix[] forms = {
                start.copy().addMatmul(a.transpose(), true, b, false),
                start.copy().addMatmul(a, false, b.transpose(), true),
                start.copy().addMatmul(a, Packed.of(b)),
            };
            for (int f = 0; f < forms.length; f++) {
                assertArrayEquals(whole.data(), forms[f].data(), shape + " form " + f + " (tn, nt, packed)");
            }
            for (int i = 0; i < m; i++) {   // one row of A alone: the single-row kernel, no split
                Matrix row = rows(start, i, i + 1).addMatmul(rows(a, i, i + 1), false, b, false);
                assertArrayEquals(rows(whole, i, i + 1).data(), row.data(), shape + " row " + i);
            }
            for (int j0 = 0; j0 < n; j0 += 13) {   // slices of 13 columns: strips cut at other places
                int j1 = Math.min(n, j0 + 13);
                Matrix slice = columns(start, j0, j1).addMatmul(a, false, columns(b, j0, j1), false);
                assertArrayEquals(columns(whole, j0, j1).data(), slice.data(), shape + " columns " + j0);
            }
            double sum = 0;   // and one entry against the definition, summed in blocks of 128 terms as the kernel
            int i = m - 1;
            int j = n / 2;
            for (int p0 = 0; p0 < k; p0 += 128) {
                double block = 0;
                for (int p = p0; p < Math.min(k, p0 + 128); p++) {
                    block = Math.fma(a.get(i, p), b.get(p, j), block);
                }
                sum += block;
            }
            assertEquals(start.get(i, j) + sum, whole.get(i, j), 1e-12 * Math.max(1, Math.abs(sum)), shape);
        }
    }
}
