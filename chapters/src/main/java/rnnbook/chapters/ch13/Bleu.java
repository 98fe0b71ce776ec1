package rnnbook.chapters.ch13;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU (Papineni et al., 2002), corpus level, one reference per candidate, up to 4-grams with equal weights:
 * <pre>
 *   p_n  = sum over sentences of clipped n-gram matches / sum of candidate n-grams
 *   BP   = 1 if c &gt; r, else exp(1 - r / c)        (c, r: total candidate and reference lengths)
 *   BLEU = BP * exp( (1/N) sum_n log p_n )
 * </pre>
 * A candidate n-gram matches at most as often as it occurs in its reference (the clipping). When some p_n is zero
 * BLEU is zero, as in the paper (no smoothing).
 */
public final class Bleu {
    private Bleu() {
    }

    // tag::bleu[]
    /** Corpus BLEU-maxN of tokenised candidates against one reference each. */
    public static double bleu(List<List<String>> candidates, List<List<String>> references, int maxN) {
        if (candidates.size() != references.size() || candidates.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs one reference per candidate and at least one pair, got "
                    + candidates.size() + " candidates and " + references.size() + " references");
        }
        if (maxN < 1) {
            throw new IllegalArgumentException("BLEU's largest n-gram must be at least 1, got " + maxN);
        }
        double logSum = 0;
        for (int n = 1; n <= maxN; n++) {
            long matches = 0;
            long total = 0;
            for (int i = 0; i < candidates.size(); i++) {
                Map<List<String>, Integer> reference = ngrams(references.get(i), n);
                for (Map.Entry<List<String>, Integer> e : ngrams(candidates.get(i), n).entrySet()) {
                    matches += Math.min(e.getValue(), reference.getOrDefault(e.getKey(), 0));   // clipped
                    total += e.getValue();
                }
            }
            if (matches == 0) {
                return 0;
            }
            logSum += Math.log((double) matches / total);
        }
        long c = candidates.stream().mapToLong(List::size).sum();
        long r = references.stream().mapToLong(List::size).sum();
        double brevity = c > r ? 1 : Math.exp(1 - (double) r / c);
        return brevity * Math.exp(logSum / maxN);
    }

    /** Every n-gram of {@code words} with its count. */
    public static Map<List<String>, Integer> ngrams(List<String> words, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(List.copyOf(words.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }
    // end::bleu[]
}
