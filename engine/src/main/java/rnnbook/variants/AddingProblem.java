package rnnbook.variants;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * The adding problem (Hochreiter and Schmidhuber 1997), the usual yardstick for long-range memory: each step
 * carries a value in [0, 1) and a marker; exactly two steps are marked, one in each half of the sequence; the
 * target is the sum of the two marked values. Predicting the mean, 1.0, gives an MSE of 1/6 (the variance of a sum
 * of two uniforms), so a model has learned something only below that.
 */
public final class AddingProblem {
    private final int length;

    public AddingProblem(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("AddingProblem: sequences need at least 2 steps, got " + length);
        }
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** Inputs (length, batch, 2): column 0 the value, column 1 the marker; targets (batch, 1). */
    public record Batch(Matrix[] inputs, Matrix targets) {
    }

    public Batch batch(int batch, Random rng) {
        Matrix[] xs = new Matrix[length];
        for (int t = 0; t < length; t++) {
            xs[t] = Matrix.zeros(batch, 2);
            for (int b = 0; b < batch; b++) {
                xs[t].set(b, 0, rng.nextDouble());
            }
        }
        Matrix targets = Matrix.zeros(batch, 1);
        int half = length / 2;
        for (int b = 0; b < batch; b++) {
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(length - half);
            xs[first].set(b, 1, 1.0);
            xs[second].set(b, 1, 1.0);
            targets.set(b, 0, xs[first].get(b, 0) + xs[second].get(b, 0));
        }
        return new Batch(xs, targets);
    }
}
