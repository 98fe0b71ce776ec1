package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PerStep}'s products over a sequence against the same products done one step at a time with
 * {@link Matrix}, which must give the very same bits (every entry's sum runs in the same order, whichever core
 * computes it), and against the definition.
 */
class PerStepTest {

    private static Matrix[] steps(int seq, int rows, int cols, Random rng) {
        Matrix[] out = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            out[t] = Matrix.zeros(rows, cols);
            double[] d = out[t].data();
            for (int i = 0; i < d.length; i++) {
                d[i] = rng.nextDouble() * 2 - 1;
            }
        }
        return out;
    }

    @Test
    void everyStepsProductEqualsItsOwnMatrixProduct() {
        Random rng = new Random(5);
        // batch 32 at hidden 128 is split between the cores; batch 3 at 5 is not; batch 17 leaves a row after two
        // tiles of eight, and 260 inputs span three blocks of k
        for (int[] s : new int[][] {{50, 32, 64, 128}, {7, 3, 5, 9}, {1, 1, 32, 32}, {4, 17, 260, 70}}) {
            Matrix[] xs = steps(s[0], s[1], s[2], rng);
            Matrix w = steps(1, s[3], s[2], rng)[0];   // (n, k), PyTorch's layout
            Matrix[] viaT = PerStep.matmulT(xs, w);
            Matrix[] viaPlain = PerStep.matmul(xs, w.transpose());
            for (int t = 0; t < xs.length; t++) {
                assertArrayEquals(xs[t].matmulT(w).data(), viaT[t].data(), "matmulT step " + t);
                assertArrayEquals(xs[t].matmul(w.transpose()).data(), viaPlain[t].data(), "matmul step " + t);
            }
        }
    }

    @Test
    void summedWeightGradientEqualsAddingStepByStep() {
        Random rng = new Random(6);
        // 517 rows of the sum split between the cores leave rows that make no whole 4-row tile; a batch of 130 is
        // past one 128-row block of k; (35, 64, 1024, 256) is the LSTM-256 step's dW_hh
        for (int[] s : new int[][] {{50, 32, 128, 128}, {5, 3, 7, 11}, {9, 64, 517, 40}, {3, 130, 70, 33},
                {35, 64, 1024, 256}}) {
            Matrix[] dg = steps(s[0], s[1], s[2], rng);
            Matrix[] h = steps(s[0], s[1], s[3], rng);
            Matrix start = steps(1, s[2], s[3], rng)[0];
            Matrix viaSteps = start.copy();
            for (int t = 0; t < dg.length; t++) {
                viaSteps.addMatmul(dg[t], true, h[t], false);
            }
            Matrix viaPerStep = start.copy();
            PerStep.addTMatmul(viaPerStep, dg, h);
            assertArrayEquals(viaSteps.data(), viaPerStep.data());
            // and against the definition, Σ_t Σ_b dg[t](b, i) h[t](b, j)
            for (int i = 0; i < s[2]; i += 5) {
                for (int j = 0; j < s[3]; j += 3) {
                    double sum = start.get(i, j);
                    for (int t = 0; t < dg.length; t++) {
                        for (int b = 0; b < s[1]; b++) {
                            sum += dg[t].get(b, i) * h[t].get(b, j);
                        }
                    }
                    assertEquals(sum, viaPerStep.get(i, j), 1e-11);
                }
            }
        }
    }

    @Test
    void biasGradientSumsEveryRowOfEveryStep() {
        Matrix[] d = {Matrix.of(new double[][] {{1, 2}, {3, 4}}), Matrix.of(new double[][] {{10, 20}, {30, 40}})};
        Matrix target = Matrix.of(new double[][] {{0.5, 0.25}});
        PerStep.addSumRows(d, target);
        assertArrayEquals(new double[] {44.5, 66.25}, target.data());
    }

    @Test
    void mismatchedStepsNameTheShapes() {
        Matrix[] xs = {Matrix.zeros(2, 3), Matrix.zeros(2, 4)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerStep.matmulT(xs, Matrix.zeros(5, 3)));
        assertEquals("PerStep.matmulT: step 1 has shape (2, 4), expected (2, 3) to multiply (5, 3)ᵀ", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PerStep.addTMatmul(Matrix.zeros(3, 3), new Matrix[] {Matrix.zeros(2, 3)},
                        new Matrix[] {Matrix.zeros(4, 3)}));
        assertEquals("PerStep.addTMatmul: step 0 has shapes (2, 3)ᵀ and (4, 3), expected (2, 3)ᵀ and (2, 3)",
                e.getMessage());
    }

    /** The copy of Wᵀ that the per-step products use without the SIMD kernel (the notebook kernel, the grader). */
    @Test
    void theScalarKernelsCopyOfTheTransposedWeightIsTheTranspose() {
        Matrix w = steps(1, 9, 70, new Random(8))[0];   // (n, k) = (9, 70)
        assertArrayEquals(w.transpose().data(), Gemm.transposed(w.data(), 70, 9));
    }
}
