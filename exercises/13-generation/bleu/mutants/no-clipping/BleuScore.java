package rnnbook.exercises; // MUTANT

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
        check(candidates, references, n);
        long matches = 0;
        long total = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Map<List<String>, Integer> reference = ngrams(references.get(i), n);
            for (Map.Entry<List<String>, Integer> e : ngrams(candidates.get(i), n).entrySet()) {
                matches += reference.containsKey(e.getKey()) ? e.getValue() : 0;
                total += e.getValue();
            }
        }
        return total == 0 ? 0 : (double) matches / total;
    }

    /** The brevity penalty for c candidate words against r reference words. */
    public static double brevity(long c, long r) {
        if (c == 0) {
            return 0;
        }
        return c > r ? 1 : Math.exp(1 - (double) r / c);
    }

    /** Corpus BLEU with n-grams up to maxN. */
    public static double bleu(List<List<String>> candidates, List<List<String>> references, int maxN) {
        check(candidates, references, maxN);
        double logSum = 0;
        for (int n = 1; n <= maxN; n++) {
            double p = precision(candidates, references, n);
            if (p == 0) {
                return 0;
            }
            logSum += Math.log(p);
        }
        long c = candidates.stream().mapToLong(List::size).sum();
        long r = references.stream().mapToLong(List::size).sum();
        return brevity(c, r) * Math.exp(logSum / maxN);
    }

    private static Map<List<String>, Integer> ngrams(List<String> words, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(List.copyOf(words.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static void check(List<List<String>> candidates, List<List<String>> references, int n) {
        if (candidates.size() != references.size() || candidates.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs one reference per candidate and at least one pair, got "
                    + candidates.size() + " candidates and " + references.size() + " references");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n-grams must have at least one word, got " + n);
        }
    }
}
