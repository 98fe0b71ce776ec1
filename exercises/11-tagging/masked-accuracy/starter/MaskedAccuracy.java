package rnnbook.exercises;

/**
 * Exercise masked-accuracy: score a tagger over real tokens only.
 *
 * <p>{@code gold} and {@code predicted} are (seq, batch) grids of tag numbers: {@code gold[t][b]} is the tag of word
 * t of sentence b. Sentences shorter than the batch's longest are padded, and a padding position has the gold tag
 * {@code ignore} (PyTorch's ignore_index, -100); whatever was predicted there is meaningless. With m = 1 for a real
 * position and 0 for padding:
 * <pre>
 *   accuracy = sum over t, b of m[t][b] * [predicted[t][b] == gold[t][b]]  /  sum over t, b of m[t][b]
 * </pre>
 * A grid with no real position has no accuracy: throw an IllegalArgumentException that says so.
 *
 * <p>{@code withPaddingCounted} is the number a careless loop reports: the share of all seq * batch positions that are
 * either padding or predicted right (every padding position counted as right).
 */
public final class MaskedAccuracy {
    private MaskedAccuracy() {
    }

    /** Accuracy over the real (non-{@code ignore}) positions. */
    public static double accuracy(int[][] gold, int[][] predicted, int ignore) {
        // TODO
        return Double.NaN;
    }

    /** The share of all positions that are padding or predicted right. */
    public static double withPaddingCounted(int[][] gold, int[][] predicted, int ignore) {
        // TODO
        return Double.NaN;
    }
}
