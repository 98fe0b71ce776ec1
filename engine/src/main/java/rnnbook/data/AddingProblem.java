package rnnbook.data;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * The adding problem (Hochreiter and Schmidhuber, 1997): a long-memory regression task. Each step carries two
 * features, a value uniform in [0, 1) and a marker; exactly two steps are marked with 1, one in the first half of
 * the sequence and one in the second. The target is the sum of the two marked values, so the network must hold
 * the first value across at least half the sequence. Always predicting 1 gives a mean squared error of about 1/6:
 * the baseline a model must beat.
 *
 * <p>Shapes: inputs (seq, batch, 2) with column 0 the value and column 1 the marker; target (batch, 1) for
 * {@link rnnbook.loss.Mse} on the last step's output.
 */
public final class AddingProblem {
    private final int seqLength;
    private final Random rng;

    /** A batch: inputs (seq, batch, 2), target (batch, 1), and the two marked steps of each example. */
    public record Batch(Matrix[] inputs, Matrix target, int[][] marked) {
    }

    public AddingProblem(int seqLength, long seed) {
        if (seqLength < 2) {
            throw new IllegalArgumentException("the adding problem needs a sequence of at least 2 steps, got "
                    + seqLength);
        }
        this.seqLength = seqLength;
        this.rng = new Random(seed);
    }

    public int seqLength() {
        return seqLength;
    }

    public Batch batch(int size) {
        Matrix[] inputs = new Matrix[seqLength];
        for (int t = 0; t < seqLength; t++) {
            inputs[t] = Matrix.zeros(size, 2);
        }
        Matrix target = Matrix.zeros(size, 1);
        int[][] marked = new int[size][2];
        int half = seqLength / 2;
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < seqLength; t++) {
                inputs[t].set(b, 0, rng.nextDouble());
            }
            int first = rng.nextInt(half);
            int second = half + rng.nextInt(seqLength - half);
            inputs[first].set(b, 1, 1.0);
            inputs[second].set(b, 1, 1.0);
            marked[b][0] = first;
            marked[b][1] = second;
            target.set(b, 0, inputs[first].get(b, 0) + inputs[second].get(b, 0));
        }
        return new Batch(inputs, target, marked);
    }
}
