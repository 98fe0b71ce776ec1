package rnnbook.data;

import java.util.Random;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;

/**
 * The copy-memory task: see {@code length} symbols, wait {@code gap} blank steps, see a delimiter, then
 * reproduce the symbols in order. Accuracy against the gap length shows how far back a network can remember.
 *
 * <p>Categories: 0 is the blank, 1..symbols are the symbols, symbols + 1 is the delimiter. With n = length the
 * sequence has 2n + gap + 1 steps:
 * <pre>
 *   step      0 .. n-1      n .. n+gap-1   n+gap       n+gap+1 .. 2n+gap
 *   input     s_1 .. s_n    blank          delimiter   blank
 *   target    blank         blank          blank       s_1 .. s_n
 * </pre>
 * Shapes: inputs one-hot (seq, batch, symbols + 2); targets class ids (seq)(batch), flattened time-major by
 * {@link Batch#flatTargets} for {@link SoftmaxCrossEntropy} over every step's logits stacked
 * ({@link Sequences#stack}).
 */
public final class CopyMemory {
    private final int symbols;
    private final int length;
    private final int gap;
    private final Random rng;

    /** A batch: one-hot inputs, target ids per step, and the first step at which recall starts. */
    public record Batch(Matrix[] inputs, int[][] targets, int recallStart) {

        /** Targets time-major (index t·batch + b). */
        public int[] flatTargets() {
            return flatten(false);
        }

        /**
         * Targets time-major with every non-recall step set to PyTorch's ignore index (-100), so a
         * {@link SoftmaxCrossEntropy} scores only the recalled symbols.
         */
        public int[] recallOnlyTargets() {
            return flatten(true);
        }

        private int[] flatten(boolean recallOnly) {
            int batch = targets[0].length;
            int[] out = new int[targets.length * batch];
            for (int t = 0; t < targets.length; t++) {
                for (int b = 0; b < batch; b++) {
                    out[t * batch + b] = recallOnly && t < recallStart
                            ? SoftmaxCrossEntropy.DEFAULT_IGNORE_INDEX : targets[t][b];
                }
            }
            return out;
        }

        /** The fraction of recalled symbols predicted right; predictions are ids (seq)(batch). */
        public double recallAccuracy(int[][] predictions) {
            if (predictions.length != targets.length) {
                throw new IllegalArgumentException("predictions cover " + predictions.length + " steps, targets "
                        + targets.length);
            }
            int right = 0;
            int total = 0;
            for (int t = recallStart; t < targets.length; t++) {
                for (int b = 0; b < targets[t].length; b++) {
                    right += predictions[t][b] == targets[t][b] ? 1 : 0;
                    total++;
                }
            }
            return (double) right / total;
        }
    }

    public CopyMemory(int symbols, int length, int gap, long seed) {
        if (symbols < 1 || length < 1 || gap < 0) {
            throw new IllegalArgumentException("copy memory needs symbols >= 1, length >= 1 and gap >= 0, got "
                    + symbols + ", " + length + ", " + gap);
        }
        this.symbols = symbols;
        this.length = length;
        this.gap = gap;
        this.rng = new Random(seed);
    }

    /** Input features and output classes: blank, the symbols, the delimiter. */
    public int categories() {
        return symbols + 2;
    }

    public int delimiter() {
        return symbols + 1;
    }

    public int seqLength() {
        return 2 * length + gap + 1;
    }

    public Batch batch(int size) {
        int seq = seqLength();
        int[][] in = new int[seq][size];      // all blank (0) to start
        int[][] targets = new int[seq][size];
        int recallStart = length + gap + 1;
        for (int b = 0; b < size; b++) {
            for (int i = 0; i < length; i++) {
                int s = 1 + rng.nextInt(symbols);
                in[i][b] = s;
                targets[recallStart + i][b] = s;
            }
            in[length + gap][b] = delimiter();
        }
        Matrix[] inputs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            inputs[t] = Sequences.oneHot(in[t], categories());
        }
        return new Batch(inputs, targets, recallStart);
    }
}
