package rnnbook.chapters.ch12;

import java.util.Arrays;
import java.util.List;

/** Edit distance, and the two error rates of grapheme-to-phoneme conversion built on it. */
public final class ErrorRates {
    private ErrorRates() {
    }

    // tag::edit-distance[]
    /**
     * Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into
     * {@code b}. D[i][j] = min(D[i-1][j] + 1, D[i][j-1] + 1, D[i-1][j-1] + [a_i != b_j]), D[i][0] = i,
     * D[0][j] = j; only the previous row is kept.
     */
    public static int editDistance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;   // turning nothing into b's first j tokens: j insertions
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;    // turning a's first i tokens into nothing: i deletions
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /** Phoneme error rate: total edit distance over the total number of reference phonemes. */
    public static double phonemeErrorRate(List<int[]> predicted, List<int[]> reference) {
        requirePairs(predicted, reference);
        long edits = 0;
        long phonemes = 0;
        for (int i = 0; i < reference.size(); i++) {
            edits += editDistance(predicted.get(i), reference.get(i));
            phonemes += reference.get(i).length;
        }
        return (double) edits / phonemes;
    }

    /** Word error rate: the fraction of words whose predicted pronunciation is not exactly the reference. */
    public static double wordErrorRate(List<int[]> predicted, List<int[]> reference) {
        requirePairs(predicted, reference);
        int wrong = 0;
        for (int i = 0; i < reference.size(); i++) {
            wrong += Arrays.equals(predicted.get(i), reference.get(i)) ? 0 : 1;
        }
        return (double) wrong / reference.size();
    }

    /** Both lists must pair one prediction with each reference, and hold at least one. */
    static void requirePairs(List<int[]> predicted, List<int[]> reference) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("error rate of no words: the reference list is empty");
        }
        if (predicted.size() != reference.size()) {
            throw new IllegalArgumentException("error rate: " + predicted.size() + " predictions for "
                    + reference.size() + " reference pronunciations");
        }
    }
    // end::edit-distance[]
}
