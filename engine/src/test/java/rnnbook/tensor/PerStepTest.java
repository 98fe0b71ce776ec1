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
        // tiles of eight, and 260 inputs span three blocks of k; with an odd number of steps the cores split the
        // middle step's rows (35 x 64: at row 32 of step 17; 9 x 20: at row 8 of step 4, leaving 12 rows)
        for (int[] s : new int[][] {{50, 32, 64, 128}, {7, 3, 5, 9}, {1, 1, 32, 32}, {4, 17, 260, 70},
                {35, 64, 256, 768}, {9, 20, 64, 128}}) {
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
    void biasesAddedAfterEachStepsProductAreTheSameBitsAsAddedAfterwards() {
        Random rng = new Random(7);
        // 35 steps of batch 64 at 256 x 768 are shared between the cores; one step takes the decoder's road
        for (int[] s : new int[][] {{35, 64, 256, 768}, {1, 3, 5, 9}, {6, 5, 7, 12}}) {
            Matrix[] xs = steps(s[0], s[1], s[2], rng);
            Matrix w = steps(1, s[3], s[2], rng)[0];
            Matrix b1 = steps(1, 1, s[3], rng)[0];
            Matrix b2 = steps(1, 1, s[3], rng)[0];
            Matrix[] fused = PerStep.matmulT(xs, w, b1, b2);
            Matrix[] plain = PerStep.matmulT(xs, w);
            for (int t = 0; t < xs.length; t++) {
                plain[t].addRowVectorInPlace(b1).addRowVectorInPlace(b2);
                assertArrayEquals(plain[t].data(), fused[t].data(), "step " + t + " of " + s[0]);
                // and against the definition for one entry: x_t(b, ·) · w(j, ·) + b1(j) + b2(j)
                double sum = 0;
                for (int p = 0; p < s[2]; p++) {
                    sum += xs[t].get(s[1] - 1, p) * w.get(s[3] - 1, p);
                }
                assertEquals(sum + b1.get(0, s[3] - 1) + b2.get(0, s[3] - 1), fused[t].get(s[1] - 1, s[3] - 1),
                        1e-12);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerStep.matmulT(new Matrix[] {Matrix.zeros(2, 3)}, Matrix.zeros(5, 3), Matrix.zeros(1, 4)));
        assertEquals("PerStep.matmulT bias: expected shape (1, 5), got (1, 4)", e.getMessage());
    }

    @Test
    void biasGradientOverSomeColumnsLeavesTheOthersAlone() {
        Random rng = new Random(8);
        // 72 rows of 120 columns: enough entries for the columns to be shared between the cores
        Matrix[] d = steps(9, 72, 120, rng);
        Matrix whole = steps(1, 1, 120, rng)[0];
        Matrix parts = whole.copy();
        Matrix untouched = whole.copy();
        PerStep.addSumRows(d, whole);
        PerStep.addSumRows(d, 0, 80, parts);
        for (int j = 80; j < 120; j++) {
            assertEquals(untouched.get(0, j), parts.get(0, j), "column " + j + " is outside [0, 80)");
        }
        PerStep.addSumRows(d, 80, 120, parts);
        assertArrayEquals(whole.data(), parts.data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PerStep.addSumRows(d, 100, 130, parts));
        assertEquals("PerStep.addSumRows: columns [100, 130) are not within the 120 columns of the steps",
                e.getMessage());
    }

    @Test
    void aBatchOfNoRowsGivesEmptyOutputs() {
        Matrix[] xs = new Matrix[35];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = Matrix.zeros(0, 6);
        }
        Matrix[] viaT = PerStep.matmulT(xs, Matrix.zeros(4, 6), Matrix.zeros(1, 4));
        Matrix[] viaPlain = PerStep.matmul(xs, Matrix.zeros(6, 4));
        for (int t = 0; t < xs.length; t++) {
            assertEquals("(0, 4)", viaT[t].shape(), "matmulT step " + t);
            assertEquals("(0, 4)", viaPlain[t].shape(), "matmul step " + t);
        }
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
