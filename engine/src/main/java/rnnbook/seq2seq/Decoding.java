package rnnbook.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Searching for a likely output sequence, token by token, over any {@link TokenScorer}.
 *
 * <ul>
 * <li>Greedy: at every step emit the single most probable token (ties to the lowest id).</li>
 * <li>Beam search: keep the {@code width} best partial sequences by total log-probability. At each step every
 * kept sequence is extended by every token; the candidates are ranked; those among the best {@code width} that
 * end with the end token are finished, and the best non-ending candidates (up to {@code width}) live on. The
 * search stops when {@code width} sequences have finished, none live, or after {@code maxLen} tokens (then the
 * live ones are returned as cut). Finished sequences are ranked by logProb / length^α: α = 0 prefers short
 * outputs (every token costs log-probability); α = 1 ranks by the mean log-probability per token.</li>
 * </ul>
 * With width 1 beam search makes exactly greedy's choices.
 */
public final class Decoding {
    private Decoding() {
    }

    /** Greedy decoding of every row of {@code initial} (rows rows), up to {@code maxLen} tokens each. */
    public static <S> List<Hypothesis> greedy(TokenScorer<S> scorer, S initial, int rows, int bos, int eos,
                                              int maxLen) {
        requireMaxLen(maxLen);
        List<List<Integer>> tokens = new ArrayList<>();
        double[] logProb = new double[rows];
        boolean[] ended = new boolean[rows];
        for (int b = 0; b < rows; b++) {
            tokens.add(new ArrayList<>());
        }
        int[] last = new int[rows];
        Arrays.fill(last, bos);
        S state = initial;
        int endedCount = 0;
        // tag::greedy[]
        for (int t = 0; t < maxLen && endedCount < rows; t++) {
            TokenScorer.Next<S> next = scorer.next(state, last);
            int[] best = next.logProbs().argmaxRows();   // ties to the lowest id
            for (int b = 0; b < rows; b++) {
                if (ended[b]) {
                    continue;   // a finished row keeps running with the batch, but nothing it emits counts
                }
                logProb[b] += next.logProbs().get(b, best[b]);
                if (best[b] == eos) {
                    ended[b] = true;
                    endedCount++;
                } else {
                    tokens.get(b).add(best[b]);
                }
            }
            last = best;
            state = next.state();
        }
        // end::greedy[]
        List<Hypothesis> out = new ArrayList<>();
        for (int b = 0; b < rows; b++) {
            int[] seq = tokens.get(b).stream().mapToInt(Integer::intValue).toArray();
            out.add(new Hypothesis(seq, logProb[b], ended[b], logProb[b]));
        }
        return out;
    }

    private record Candidate(int beam, int token, double logProb) {
    }

    private record Partial(int[] tokens, double logProb) {
    }

    /**
     * Beam search from {@code initial} (a state of one row). Returns every finished (or cut) hypothesis, best
     * score first.
     */
    public static <S> List<Hypothesis> beam(TokenScorer<S> scorer, S initial, int bos, int eos, int width,
                                            int maxLen, double lengthPenalty) {
        if (width < 1) {
            throw new IllegalArgumentException("beam search: beam width must be at least 1, got " + width);
        }
        requireMaxLen(maxLen);
        if (!(lengthPenalty >= 0)) {
            throw new IllegalArgumentException("beam search: length penalty α must be >= 0, got " + lengthPenalty);
        }
        List<Partial> live = List.of(new Partial(new int[0], 0.0));
        int[] last = {bos};
        S state = initial;
        List<Hypothesis> finished = new ArrayList<>();
        // tag::beam[]
        for (int t = 0; t < maxLen && !live.isEmpty() && finished.size() < width; t++) {
            TokenScorer.Next<S> next = scorer.next(state, last);
            List<Candidate> candidates = new ArrayList<>();
            int vocab = next.logProbs().cols();
            for (int i = 0; i < live.size(); i++) {
                for (int v = 0; v < vocab; v++) {
                    candidates.add(new Candidate(i, v, live.get(i).logProb() + next.logProbs().get(i, v)));
                }
            }
            // best first; equal totals go to the earlier beam and the lower token, as greedy's argmax does
            candidates.sort(Comparator.comparingDouble(Candidate::logProb).reversed()
                    .thenComparingInt(Candidate::beam).thenComparingInt(Candidate::token));
            List<Partial> kept = new ArrayList<>();
            List<Integer> keptRows = new ArrayList<>();
            for (int rank = 0; rank < candidates.size() && kept.size() < width; rank++) {
                Candidate c = candidates.get(rank);
                int[] prefix = live.get(c.beam()).tokens();
                if (c.token() == eos) {
                    if (rank < width) {
                        finished.add(hypothesis(prefix, c.logProb(), true, lengthPenalty));
                    }
                    continue;
                }
                int[] extended = Arrays.copyOf(prefix, prefix.length + 1);
                extended[prefix.length] = c.token();
                kept.add(new Partial(extended, c.logProb()));
                keptRows.add(c.beam());
            }
            live = kept;
            int[] rows = keptRows.stream().mapToInt(Integer::intValue).toArray();
            last = live.stream().mapToInt(p -> p.tokens()[p.tokens().length - 1]).toArray();
            state = rows.length == 0 ? state : scorer.gather(next.state(), rows);
        }
        // end::beam[]
        if (finished.size() < width) {
            for (Partial p : live) {   // cut at maxLen: still candidates, marked as not ended
                finished.add(hypothesis(p.tokens(), p.logProb(), false, lengthPenalty));
            }
        }
        finished.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return finished;
    }

    private static Hypothesis hypothesis(int[] tokens, double logProb, boolean ended, double alpha) {
        int length = tokens.length + (ended ? 1 : 0);
        double score = alpha == 0 ? logProb : logProb / Math.pow(Math.max(length, 1), alpha);
        return new Hypothesis(tokens, logProb, ended, score);
    }

    private static void requireMaxLen(int maxLen) {
        if (maxLen < 1) {
            throw new IllegalArgumentException("decoding: max length must be at least 1, got " + maxLen);
        }
    }
}
