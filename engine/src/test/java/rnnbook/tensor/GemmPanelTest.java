package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Products whose B spans many cache blocks of the kernel, the last of odd size, against the triple loop. */
class GemmPanelTest {

    private static Matrix random(int rows, int cols, Random rng) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = 2 * rng.nextDouble() - 1;
        }
        return m;
    }

    @Test
    void manyPanelsMatchTheTripleLoop() {
        Random rng = new Random(5);
        int m = 7;
        int k = 1031;   // B of 1031 x 130 (about 1 MB): several blocks of rows, the last one of odd length
        int n = 130;
        Matrix a = random(m, k, rng);
        Matrix b = random(k, n, rng);
        Matrix c = random(m, n, rng);
        Matrix expected = c.copy();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                expected.set(i, j, expected.get(i, j) + s);
            }
        }
        Matrix nn = c.copy().addMatmul(a, false, b, false);
        Matrix tn = c.copy().addMatmul(a.transpose(), true, b, false);
        Matrix nt = c.copy().addMatmul(a, false, b.transpose(), true);
        for (Matrix actual : new Matrix[] {nn, tn, nt}) {
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.data()[i], actual.data()[i], 1e-11);
            }
        }
    }
}
