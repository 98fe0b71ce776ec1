package rnnbook.data;

import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * Small synthetic data sets of the Part I chapters (rising or falling, delay, remember the first symbol); every one
 * is generated from a seeded {@link Random}.
 */
public final class Tasks {
    private Tasks() {
    }

    /**
     * Rising or falling: each sequence is a noisy stretch of a sine wave with a random frequency and phase; the
     * label is 1 when its last value is above its first, else 0. The answer depends on the order of the values,
     * not on which values occur. xs (length, n, 1).
     */
    public static Labelled risingOrFalling(int n, int length, Random rng) {
        requirePositive("risingOrFalling", "n", n);
        requirePositive("risingOrFalling", "length", length);
        Matrix[] xs = new Matrix[length];
        for (int t = 0; t < length; t++) {
            xs[t] = Matrix.zeros(n, 1);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double omega = 0.05 + 0.25 * rng.nextDouble();
            double phase = 2 * Math.PI * rng.nextDouble();
            for (int t = 0; t < length; t++) {
                xs[t].set(i, 0, Math.sin(omega * t + phase) + 0.05 * rng.nextGaussian());
            }
            labels[i] = xs[length - 1].get(i, 0) > xs[0].get(i, 0) ? 1 : 0;
        }
        return new Labelled(xs, labels);
    }

    /**
     * The delay task: inputs uniform in (-1, 1), and the target at step t is the input of step t - 1 (0 at the
     * first step). Returns {xs, ys}, each (length, n, 1). Solving it needs memory of exactly one step, so the
     * per-step difficulty does not depend on the length.
     */
    public static Matrix[][] delay(int n, int length, Random rng) {
        return delay(n, length, 1, rng);
    }

    /** The delay task with a lag: the target at step t is the input of step t - lag (0 before that). */
    public static Matrix[][] delay(int n, int length, int lag, Random rng) {
        requirePositive("delay", "n", n);
        requirePositive("delay", "length", length);
        requirePositive("delay", "lag", lag);
        Matrix[] xs = new Matrix[length];
        Matrix[] ys = new Matrix[length];
        for (int t = 0; t < length; t++) {
            xs[t] = Matrix.zeros(n, 1);
            for (int i = 0; i < n; i++) {
                xs[t].set(i, 0, 2 * rng.nextDouble() - 1);
            }
            ys[t] = t < lag ? Matrix.zeros(n, 1) : xs[t - lag].copy();
        }
        return new Matrix[][] {xs, ys};
    }

    /**
     * Remember the first symbol: step 0 shows one of {@code facts} symbols (the fact), then {@code gap} steps show
     * random distractor symbols, then a query marker; the label is the fact. Like "나는 한국 사람이야 ... 나는
     * 한국어를 잘해", where the clue comes long before it is needed and other words fill the gap. One-hot inputs
     * of size facts + distractors + 1 (ids: facts first, then distractors, then the query); xs (gap + 2, n, size).
     */
    public static Labelled rememberFirst(int n, int gap, int facts, int distractors, Random rng) {
        requirePositive("rememberFirst", "n", n);
        requirePositive("rememberFirst", "facts", facts);
        requirePositive("rememberFirst", "distractors", distractors);
        if (gap < 0) {
            throw new IllegalArgumentException("rememberFirst: gap must be at least 0, got " + gap);
        }
        int size = facts + distractors + 1;
        int length = gap + 2;
        int[][] ids = new int[length][n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(facts);
            ids[0][i] = labels[i];
            for (int t = 1; t <= gap; t++) {
                ids[t][i] = facts + rng.nextInt(distractors);
            }
            ids[length - 1][i] = size - 1;
        }
        Matrix[] xs = new Matrix[length];
        for (int t = 0; t < length; t++) {
            xs[t] = rnnbook.nn.Sequences.oneHot(ids[t], size);
        }
        return new Labelled(xs, labels);
    }

    private static void requirePositive(String task, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(task + ": " + what + " must be at least 1, got " + value);
        }
    }
}
