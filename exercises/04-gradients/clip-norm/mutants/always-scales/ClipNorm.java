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
        if (total > 0) {   // MUTANT: rescales short gradients up too
            double scale = maxNorm / (total + 1e-6);
            for (Matrix g : grads) {
                g.scaleInPlace(scale);
            }
        }
        return total;
    }
}
