package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** Reference solution of clip-norm. */
public final class ClipNorm {
    private ClipNorm() {
    }

    public static double clip(Matrix[] grads, double maxNorm) {
        double sum = 0;
        for (Matrix g : grads) {
            sum += g.sumOfSquares();
        }
        double total = Math.sqrt(sum);
        for (Matrix g : grads) {   // MUTANT: each matrix clipped by its own norm
            double own = g.norm();
            if (own > maxNorm) {
                g.scaleInPlace(maxNorm / (own + 1e-6));
            }
        }
        return total;
    }
}
