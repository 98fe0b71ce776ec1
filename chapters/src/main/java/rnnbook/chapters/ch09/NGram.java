package rnnbook.chapters.ch09;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A count n-gram model of a token stream with interpolated Witten-Bell smoothing, the baseline of this chapter.
 * With h a context of k tokens and h' the same context without its oldest token,
 * <pre>
 *   P(w | h) = (c(h, w) + T(h) · P(w | h')) / (c(h) + T(h))      when h was seen (c(h) &gt; 0)
 *   P(w | h) = P(w | h')                                         when it was not
 *   P(w | ε) interpolates the unigram counts with the uniform 1 / V in the same way
 * </pre>
 * where c(h, w) counts w after h in the training stream, c(h) = Σ_w c(h, w) and T(h) is the number of distinct
 * tokens seen after h. Each order gives way to the shorter one in proportion to how often h was followed by
 * something new, so no token gets probability zero. Contexts hold up to n - 1 tokens.
 */
public final class NGram {
    private final int n;
    private final int vocab;
    private final Map<Long, Integer> pairCounts = new HashMap<>();     // key(h, w) -> c(h, w)
    private final Map<Long, Integer> contextCounts = new HashMap<>();  // key(h) -> c(h)
    private final Map<Long, Integer> followers = new HashMap<>();      // key(h) -> T(h)

    /** Counts every n-gram (and every shorter one) of {@code train}; ids must lie in 0..vocab-1. */
    public NGram(int n, int vocab, int[] train) {
        if (n < 1) {
            throw new IllegalArgumentException("NGram: n must be at least 1, got " + n);
        }
        if (vocab < 1 || Math.pow(vocab + 1.0, n) > 9e18) {
            throw new IllegalArgumentException("NGram: a vocabulary of " + vocab + " with n = " + n
                    + " does not fit the 64-bit context keys");
        }
        if (train.length == 0) {
            throw new IllegalArgumentException("NGram: the training stream is empty");
        }
        this.n = n;
        this.vocab = vocab;
        Set<Long> seenPairs = new HashSet<>();
        for (int i = 0; i < train.length; i++) {
            check(train, i);
            long context = 0;                                  // the empty context
            for (int k = 0; k < n && k <= i; k++) {            // contexts train[i-k .. i-1], k tokens
                if (k > 0) {
                    context = extend(context, train[i - k], k);
                }
                long pair = context * (vocab + 1) + train[i] + 1;
                pairCounts.merge(pair, 1, Integer::sum);
                contextCounts.merge(context, 1, Integer::sum);
                if (seenPairs.add(pair)) {
                    followers.merge(context, 1, Integer::sum);
                }
            }
        }
    }

    public int order() {
        return n;
    }

    /** P(ids[i] | the up to n - 1 tokens before it). */
    public double probability(int[] ids, int i) {
        check(ids, i);
        double p = 1.0 / vocab;
        long context = 0;
        for (int k = 0; k < n && k <= i; k++) {
            if (k > 0) {
                check(ids, i - k);
                context = extend(context, ids[i - k], k);
            }
            Integer c = contextCounts.get(context);
            if (c == null) {
                break;                                         // a longer context is unseen too
            }
            int t = followers.get(context);
            int cw = pairCounts.getOrDefault(context * (vocab + 1) + ids[i] + 1, 0);
            p = (cw + t * p) / (c + t);
        }
        return p;
    }

    /** Mean -ln P over the targets ids[1..]: nats per token, the same targets a recurrent model predicts. */
    public double nats(int[] ids) {
        if (ids.length < 2) {
            throw new IllegalArgumentException("NGram.nats: need at least 2 tokens, got " + ids.length);
        }
        double sum = 0;
        for (int i = 1; i < ids.length; i++) {
            sum -= Math.log(probability(ids, i));
        }
        return sum / (ids.length - 1);
    }

    // contexts are keyed newest token first: key(w_{i-1} .. w_{i-k}); the +1 keeps lengths apart
    private long extend(long context, int older, int k) {
        long scale = 1;
        for (int j = 1; j < k; j++) {
            scale *= vocab + 1;
        }
        return context + (older + 1) * scale;
    }

    private void check(int[] ids, int i) {
        if (ids[i] < 0 || ids[i] >= vocab) {
            throw new IllegalArgumentException("NGram: id " + ids[i] + " at position " + i
                    + " is outside the vocabulary 0.." + (vocab - 1));
        }
    }
}
