package rnnbook.seq2seq;

/** Ragged token sequences to time-major padded arrays, the (seq, batch) layout of everything in the engine. */
final class Padding {
    private Padding() {
    }

    /** The longest length, checking that no sequence is null (and, when {@code allowEmpty} is false, empty). */
    static int maxLength(String what, int[][] seqs, boolean allowEmpty) {
        if (seqs == null || seqs.length == 0) {
            throw new IllegalArgumentException(what + ": need at least one sequence, got none");
        }
        int max = 0;
        for (int b = 0; b < seqs.length; b++) {
            if (seqs[b] == null || (!allowEmpty && seqs[b].length == 0)) {
                throw new IllegalArgumentException(what + ": sequence " + b + " is "
                        + (seqs[b] == null ? "null" : "empty") + "; every sequence needs at least one token");
            }
            max = Math.max(max, seqs[b].length);
        }
        return max;
    }

    /** ids[t][b] = seqs[b][t], or {@code pad} past the end of sequence b. */
    static int[][] timeMajor(int[][] seqs, int steps, int pad) {
        int[][] ids = new int[steps][seqs.length];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < seqs.length; b++) {
                ids[t][b] = t < seqs[b].length ? seqs[b][t] : pad;
            }
        }
        return ids;
    }

    /** All steps' ids in one array, row t * batch + b: the order of {@link rnnbook.nn.Sequences#stack}. */
    static int[] flatten(int[][] timeMajor) {
        int batch = timeMajor[0].length;
        int[] out = new int[timeMajor.length * batch];
        for (int t = 0; t < timeMajor.length; t++) {
            System.arraycopy(timeMajor[t], 0, out, t * batch, batch);
        }
        return out;
    }
}
