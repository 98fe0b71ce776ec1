package rnnbook.exercises;

/**
 * Exercise edit-distance: the Levenshtein distance between two token sequences, and the phoneme error rate of a
 * grapheme-to-phoneme model built on it.
 *
 * <pre>
 *   D[i][0] = i,  D[0][j] = j
 *   D[i][j] = min(D[i-1][j] + 1,                    delete a_i
 *                 D[i][j-1] + 1,                    insert b_j
 *                 D[i-1][j-1] + (a_i == b_j ? 0 : 1))   keep or substitute
 *   distance(a, b) = D[a.length][b.length]
 *   phonemeErrorRate = (sum over words of distance(predicted_w, reference_w)) / (sum over words of reference_w.length)
 * </pre>
 * Sequences are token ids (int[]), possibly empty. The two arrays of phonemeErrorRate pair prediction w with
 * reference w; the total reference length is at least 1. Do not modify the arguments.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The fewest insertions, deletions and substitutions that turn a into b. */
    public static int distance(int[] a, int[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int keep = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                d[i][j] = Math.min(keep, d[i - 1][j] + 1);   // MUTANT: insertions forgotten
            }
        }
        return d[a.length][b.length];
    }

    /** Total edit distance over total reference length. */
    public static double phonemeErrorRate(int[][] predicted, int[][] reference) {
        long edits = 0;
        long length = 0;
        for (int w = 0; w < reference.length; w++) {
            edits += distance(predicted[w], reference[w]);
            length += reference[w].length;
        }
        return (double) edits / length;
    }
}
