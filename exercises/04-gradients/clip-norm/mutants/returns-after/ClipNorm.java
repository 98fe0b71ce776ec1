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
        if (total > maxNorm) {
            double scale = maxNorm / (total + 1e-6);
            for (Matrix g : grads) {
                g.scaleInPlace(scale);
            }
        }
        return Math.min(total, maxNorm);   // MUTANT: the norm after clipping
    }
}
