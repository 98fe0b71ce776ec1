package rnnbook.seq2seq;

import java.util.Arrays;

/**
 * A decoded sequence: its tokens (without the start and end tokens), the sum of the log-probabilities of every
 * token emitted (the end token included when it was emitted), whether it ended with the end token, and its score
 * for ranking, logProb / length^α with length the number of emitted tokens (α = 0: the plain log-probability).
 */
public record Hypothesis(int[] tokens, double logProb, boolean ended, double score) {

    @Override
    public boolean equals(Object o) {
        return o instanceof Hypothesis h && Arrays.equals(tokens, h.tokens) && logProb == h.logProb
                && ended == h.ended && score == h.score;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens) * 31 + Double.hashCode(logProb);
    }

    @Override
    public String toString() {
        return Arrays.toString(tokens) + " log p " + logProb + (ended ? "" : " (cut at max length)");
    }
}
