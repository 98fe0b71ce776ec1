package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of clip-norm: the returned norm and the clipped gradients on seeded inputs, recorded. */
@Timeout(5)
class ClipNormGraded {
    private static Matrix[] grads(long seed, double scale, int... shapes) {
        Random rng = new Random(seed);
        Matrix[] out = new Matrix[shapes.length / 2];
        for (int k = 0; k < out.length; k++) {
            double[] d = new double[shapes[2 * k] * shapes[2 * k + 1]];
            for (int i = 0; i < d.length; i++) {
                d[i] = scale * rng.nextGaussian();
            }
            out[k] = Matrix.wrap(shapes[2 * k], shapes[2 * k + 1], d);
        }
        return out;
    }

    private static void recordAll(Matrix[] clipped) {
        for (int k = 0; k < clipped.length; k++) {
            Record.value("gradient " + (k + 1) + " after clipping", clipped[k]);
        }
    }

    @Test
    @DisplayName("returns the global norm measured before clipping")
    @Points(2)
    @Hint("the square root of the sum of squares over all matrices, before any rescaling")
    void a_returnsNorm() {
        Record.value("the returned norm", ClipNorm.clip(grads(51, 2, 3, 4, 4, 4, 1, 4), 1.0));
    }

    @Test
    @DisplayName("gradients above the threshold are rescaled with one shared factor")
    @Points(3)
    @Hint("every matrix is multiplied by maxNorm / (total + 1e-6)")
    void b_clipsAbove() {
        Matrix[] gs = grads(52, 3, 2, 3, 3, 3, 1, 3);
        ClipNorm.clip(gs, 2.5);
        recordAll(gs);
    }

    @Test
    @DisplayName("gradients whose norm is below the threshold are left alone")
    @Points(2)
    @Hint("clip only when the total norm is above maxNorm")
    void c_keepsBelow() {
        Matrix[] gs = grads(53, 1, 2, 2);
        gs[0].scaleInPlace(2.0 / Math.sqrt(gs[0].sumOfSquares()));   // total norm 2, threshold 3
        Record.value("the returned norm", ClipNorm.clip(gs, 3.0));
        recordAll(gs);
    }

    @Test
    @DisplayName("after clipping, the global norm equals the threshold")
    @Points(1)
    @Hint("the norm is measured over all matrices together, not one by one")
    void d_newNorm() {
        Matrix[] gs = grads(54, 5, 3, 3, 1, 3);
        ClipNorm.clip(gs, 0.5);
        double sum = 0;
        for (Matrix g : gs) {
            sum += g.sumOfSquares();
        }
        Record.value("the norm after clipping", Math.sqrt(sum), 1e-5);
    }

    @Test
    @DisplayName("four parameters of mixed sizes, one of them already tiny")
    @Points(1)
    @Hint("a tiny gradient shrinks by the same factor as the large ones")
    void e_mixed() {
        Matrix[] gs = grads(55, 4, 4, 2, 4, 4, 1, 4, 2, 1);
        gs[3].scaleInPlace(1e-3);
        ClipNorm.clip(gs, 1.5);
        recordAll(gs);
    }

    @Test
    @DisplayName("a gradient of norm exactly 1 and a large threshold")
    @Points(1)
    @Hint("a short gradient is never lengthened")
    void f_unitNorm() {
        Matrix[] gs = {Matrix.row(0.6, -0.8)};
        Record.value("the returned norm", ClipNorm.clip(gs, 5.0));
        recordAll(gs);
    }
}
