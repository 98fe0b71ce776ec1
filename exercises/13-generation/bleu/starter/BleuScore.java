package rnnbook.exercises;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise bleu: the caption score of chapter 13 (Papineni et al., 2002), at corpus level with one reference per
 * candidate. Sentences are lists of words.
 * <pre>
 *   p_n  = sum over pairs of clipped matches / sum over pairs of candidate n-grams
 *          (an n-gram of a candidate matches at most as often as it occurs in its reference)
 *   BP   = 1 if c &gt; r, else exp(1 - r / c)      (c, r: total candidate and reference words)
 *   BLEU = BP * exp( (1 / maxN) * sum_{n=1..maxN} ln p_n ),   0 when some p_n is 0
 * </pre>
 * {@code precision} returns p_n (0 when the candidates hold no n-gram of that length); {@code brevity} returns BP
 * (0 when c = 0); lists of different sizes, no pairs, or n or maxN below 1 are an {@link IllegalArgumentException}.
 */
public final class BleuScore {
    private BleuScore() {
    }

    /** The clipped n-gram precision p_n over all pairs. */
    public static double precision(List<List<String>> candidates, List<List<String>> references, int n) {
        // TODO
        return Double.NaN;
    }

    /** The brevity penalty for c candidate words against r reference words. */
    public static double brevity(long c, long r) {
        // TODO
        return Double.NaN;
    }

    /** Corpus BLEU with n-grams up to maxN. */
    public static double bleu(List<List<String>> candidates, List<List<String>> references, int maxN) {
        // TODO
        return Double.NaN;
    }
}
