package rnnbook.exercises;

/**
 * Exercise lm-units: one loss in three units (chapter 9).
 *
 * <p>A language model gave the tokens that actually came next the probabilities p_1 .. p_N. Its mean
 * cross-entropy in nats, and the same number in bits per token and as a perplexity, are
 * <pre>
 *   L = -(1/N) · Σ_t ln p_t          bits = L / ln 2          perplexity = e^L = 2^bits
 * </pre>
 * An empty array, or a probability that is not in (0, 1], is an {@link IllegalArgumentException} naming what is
 * wrong (for a probability: its index).
 */
public final class LmUnits {
    private LmUnits() {
    }

    /** Mean nats per token from the probabilities of the actual next tokens. */
    public static double nats(double[] targetProbabilities) {
        // TODO
        return Double.NaN;
    }

    /** Bits per token from nats per token. */
    public static double bitsPerToken(double nats) {
        // TODO
        return Double.NaN;
    }

    /** Perplexity from nats per token. */
    public static double perplexity(double nats) {
        // TODO
        return Double.NaN;
    }
}
