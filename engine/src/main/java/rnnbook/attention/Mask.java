package rnnbook.attention;

import java.util.Arrays;

/**
 * Which source positions each batch row may attend to: {@code valid[b][s]} is true for a real token and false for
 * padding. Masked positions get attention weight exactly zero (they are left out of the softmax, not given a
 * large negative score), so padding never changes a context vector.
 *
 * <p>Every row needs at least one valid position: a softmax over nothing has no value.
 */
public final class Mask {
    private final boolean[][] valid;

    private Mask(boolean[][] valid) {
        this.valid = valid;
    }

    /** Row b sees positions 0 .. lengths[b] - 1 of a source of {@code srcLen} steps (right padding). */
    public static Mask lengths(int srcLen, int... lengths) {
        boolean[][] v = new boolean[lengths.length][srcLen];
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 1 || lengths[b] > srcLen) {
                throw new IllegalArgumentException("attention mask: source length " + lengths[b] + " of batch row "
                        + b + " must be between 1 and the padded length " + srcLen);
            }
            Arrays.fill(v[b], 0, lengths[b], true);
        }
        return new Mask(v);
    }

    /** A mask from {@code valid[b][s]} (batch rows, then source positions); copied. */
    public static Mask of(boolean[][] valid) {
        boolean[][] v = new boolean[valid.length][];
        for (int b = 0; b < valid.length; b++) {
            v[b] = valid[b].clone();
            if (b > 0 && v[b].length != v[0].length) {
                throw new IllegalArgumentException("attention mask: row " + b + " has " + v[b].length
                        + " positions but row 0 has " + v[0].length);
            }
        }
        return new Mask(v);
    }

    /** Every position of every row valid. */
    public static Mask all(int srcLen, int batch) {
        boolean[][] v = new boolean[batch][srcLen];
        for (boolean[] row : v) {
            Arrays.fill(row, true);
        }
        return new Mask(v);
    }

    public int batch() {
        return valid.length;
    }

    public int srcLen() {
        return valid.length == 0 ? 0 : valid[0].length;
    }

    public boolean valid(int b, int s) {
        return valid[b][s];
    }

    /** The number of valid positions of row b. */
    public int length(int b) {
        int n = 0;
        for (boolean x : valid[b]) {
            n += x ? 1 : 0;
        }
        return n;
    }

    /** The rows {@code rows[0], rows[1], ...} of this mask (for beam search, which copies a source per beam). */
    public Mask gather(int[] rows) {
        boolean[][] v = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            v[i] = valid[rows[i]].clone();
        }
        return new Mask(v);
    }

    /** Throws, naming the expected and the found shape, unless this mask fits (srcLen, batch) memory. */
    public void require(int expectedSrcLen, int expectedBatch) {
        if (batch() != expectedBatch || srcLen() != expectedSrcLen) {
            throw new IllegalArgumentException("attention mask: expected " + expectedBatch + " rows of "
                    + expectedSrcLen + " source positions (memory of " + expectedSrcLen + " steps, batch "
                    + expectedBatch + "), got " + batch() + " rows of " + srcLen());
        }
        for (int b = 0; b < batch(); b++) {
            if (length(b) == 0) {
                throw new IllegalArgumentException("attention mask: batch row " + b
                        + " masks every source position; at least one must be valid");
            }
        }
    }
}
