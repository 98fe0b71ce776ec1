package rnnbook.seq2seq;

import java.util.Random;

/**
 * A toy translation task: a string of digits in, the same digits reversed out. Token ids: 0 padding, 1 start,
 * 2 end, 3 + d for digit d. Lengths vary, so batches need padding. Solving it needs the whole source
 * (the first output is the last input), which is what an encoder-decoder is for.
 */
public final class ReverseTask {
    public static final Seq2Seq.Tokens TOKENS = new Seq2Seq.Tokens(0, 1, 2);

    private final int digits;
    private final int minLength;
    private final int maxLength;

    /** Strings of {@code minLength .. maxLength} digits drawn from 0 .. digits - 1. */
    public ReverseTask(int digits, int minLength, int maxLength) {
        if (digits < 1 || minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("ReverseTask needs digits >= 1 and 1 <= minLength <= maxLength, got "
                    + digits + " digits, lengths " + minLength + ".." + maxLength);
        }
        this.digits = digits;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** Vocabulary size: the three special tokens and the digits. */
    public int vocab() {
        return 3 + digits;
    }

    /** A batch of sources; targets are {@link #reverse} of each. */
    public int[][] sources(int batch, Random rng) {
        int[][] out = new int[batch][];
        for (int b = 0; b < batch; b++) {
            out[b] = new int[minLength + rng.nextInt(maxLength - minLength + 1)];
            for (int t = 0; t < out[b].length; t++) {
                out[b][t] = 3 + rng.nextInt(digits);
            }
        }
        return out;
    }

    public static int[][] reverse(int[][] seqs) {
        int[][] out = new int[seqs.length][];
        for (int b = 0; b < seqs.length; b++) {
            out[b] = new int[seqs[b].length];
            for (int t = 0; t < seqs[b].length; t++) {
                out[b][t] = seqs[b][seqs[b].length - 1 - t];
            }
        }
        return out;
    }
}
