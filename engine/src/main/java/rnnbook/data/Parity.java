package rnnbook.data;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * Parity of a bit stream: inputs are random bits b_t in {0, 1}; the target at step t is b_0 ⊕ b_1 ⊕ ... ⊕ b_t
 * (1 when an odd number of ones has been seen). One wrong bit anywhere flips every later answer, so the task needs
 * exact memory of one bit of state.
 *
 * <p>Shapes: inputs (seq, batch, 1) holding 0.0 or 1.0; targets as class ids (seq)(batch) for every step
 * ({@link Batch#running}), or (batch) for the whole sequence ({@link Batch#last}).
 */
public final class Parity {
    private final int seqLength;
    private final Random rng;

    /** A batch: the bits, the running parity at every step, and the parity of the whole sequence. */
    public record Batch(Matrix[] inputs, int[][] running, int[] last) {

        /** Running targets time-major (index t·batch + b). */
        public int[] flatRunning() {
            int batch = last.length;
            int[] out = new int[running.length * batch];
            for (int t = 0; t < running.length; t++) {
                System.arraycopy(running[t], 0, out, t * batch, batch);
            }
            return out;
        }
    }

    public Parity(int seqLength, long seed) {
        if (seqLength < 1) {
            throw new IllegalArgumentException("parity needs a sequence of at least 1 step, got " + seqLength);
        }
        this.seqLength = seqLength;
        this.rng = new Random(seed);
    }

    public Batch batch(int size) {
        Matrix[] inputs = new Matrix[seqLength];
        int[][] running = new int[seqLength][size];
        for (int t = 0; t < seqLength; t++) {
            inputs[t] = Matrix.zeros(size, 1);
        }
        for (int b = 0; b < size; b++) {
            int parity = 0;
            for (int t = 0; t < seqLength; t++) {
                int bit = rng.nextBoolean() ? 1 : 0;
                inputs[t].set(b, 0, bit);
                parity ^= bit;
                running[t][b] = parity;
            }
        }
        return new Batch(inputs, running, running[seqLength - 1].clone());
    }
}
