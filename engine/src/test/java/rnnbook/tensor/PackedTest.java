package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A right-hand operand packed once gives the same bits as the ordinary product, and against the definition. */
class PackedTest {

    private static Matrix random(int rows, int cols, Random rng) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = rng.nextDouble() * 2 - 1;
        }
        return m;
    }

    @Test
    void packedProductEqualsTheOrdinaryOne() {
        Random rng = new Random(4);
        // n past one 256-column block and not a whole number of strips; k past one 128-row block
        for (int[] s : new int[][] {{1, 3, 5}, {32, 128, 512}, {7, 300, 291}, {64, 256, 1024}, {5, 17, 16}}) {
            Matrix a = random(s[0], s[1], rng);
            Matrix b = random(s[1], s[2], rng);
            Matrix start = random(s[0], s[2], rng);
            Matrix expected = start.copy().addMatmul(a, false, b, false);
            Matrix packed = start.copy().addMatmul(a, Packed.of(b));
            assertArrayEquals(expected.data(), packed.data(), s[0] + "x" + s[1] + "x" + s[2]);
            int i = s[0] - 1;
            int j = s[2] - 1;
            double sum = start.get(i, j);
            for (int p = 0; p < s[1]; p++) {
                sum += a.get(i, p) * b.get(p, j);
            }
            assertEquals(sum, packed.get(i, j), 1e-12);
        }
    }

    @Test
    void aTransposedPackingEqualsPackingTheTranspose() {
        Random rng = new Random(5);
        for (int[] s : new int[][] {{1, 3, 5}, {64, 256, 1024}, {7, 300, 291}, {5, 17, 40}}) {
            Matrix a = random(s[0], s[1], rng);
            Matrix w = random(s[2], s[1], rng);   // (n, k): the product is a · wᵀ
            Matrix start = random(s[0], s[2], rng);
            Matrix expected = start.copy().addMatmul(a, false, w, true);
            Matrix fromTranspose = start.copy().addMatmul(a, Packed.of(w.transpose()));
            Matrix packed = start.copy().addMatmul(a, Packed.ofTransposed(w));
            assertArrayEquals(fromTranspose.data(), packed.data(), s[0] + "x" + s[1] + "x" + s[2]);
            assertArrayEquals(expected.data(), packed.data(), 1e-12, s[0] + "x" + s[1] + "x" + s[2]);
            assertEquals(s[1], Packed.ofTransposed(w).rows());
            assertEquals(s[2], Packed.ofTransposed(w).cols());
        }
    }

    @Test
    void aPackedOperandIsASnapshot() {
        Matrix b = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Packed packed = Packed.of(b);
        b.data()[0] = 100;
        Matrix c = Matrix.zeros(1, 2).addMatmul(Matrix.row(1, 1), packed);
        assertArrayEquals(new double[] {4, 6}, c.data());
    }

    @Test
    void mismatchedShapesAreNamed() {
        Packed b = Packed.of(Matrix.zeros(3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(2, 4).addMatmul(Matrix.zeros(2, 5), b));
        assertEquals("addMatmul: inner sizes differ: (2, 5) and (3, 4)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(2, 3).addMatmul(Matrix.zeros(2, 3), b));
        assertEquals("addMatmul: product has shape (2, 4) but the target has shape (2, 3)", e.getMessage());
    }
}
