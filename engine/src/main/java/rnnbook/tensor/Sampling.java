package rnnbook.tensor;

import java.util.Random;

/**
 * Drawing a token from a model's logits, with a temperature T &gt; 0 (the one sampler of the engine: the character
 * models of the demo and of chapter 9 use it):
 * <pre>
 *   p_i = softmax(z / T)_i = exp(z_i / T) / Σ_k exp(z_k / T)
 *   draw: the first i with p_0 + ... + p_i &gt; u,   u uniform in [0, 1)
 * </pre>
 * T = 1 samples the model as it is; T &lt; 1 sharpens the distribution (T → 0 always picks the largest logit);
 * T &gt; 1 flattens it towards uniform. The softmax is {@link Softmax#of}, stable for logits of any size. Shapes:
 * logits (rows, classes) in, probabilities of the same shape out; a draw reads one row.
 */
public final class Sampling {
    private Sampling() {
    }

    // tag::temperature[]
    /** softmax(z / T) of each row of {@code logits} (rows, classes). */
    public static Matrix probabilities(Matrix logits, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("sampling: temperature must be positive and finite, got "
                    + temperature);
        }
        return Softmax.of(logits.scale(1.0 / temperature));
    }
    // end::temperature[]

    /** One index drawn from softmax(z / T) of {@code logits}, a single row (1, classes). */
    public static int sample(Matrix logits, double temperature, Random rng) {
        if (logits.rows() != 1) {
            throw new IllegalArgumentException("sampling: expected the logits of one step, (1, classes), got ("
                    + logits.rows() + ", " + logits.cols() + ")");
        }
        return draw(probabilities(logits, temperature).data(), rng);
    }

    // tag::draw[]
    /**
     * An index i with probability p[i], by inverting the cumulative sum: the first i whose running sum p_0 + ... +
     * p_i passes one uniform u in [0, 1) from {@code rng}. {@code p} must be a distribution (entries finite and
     * not negative, summing to 1 within 1e-6).
     */
    public static int draw(double[] p, Random rng) {
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw new IllegalArgumentException("sampling: probability " + i + " is " + p[i]
                        + "; a distribution has finite entries >= 0");
            }
            total += p[i];
        }
        if (p.length == 0 || Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("sampling: the " + p.length + " probabilities sum to " + total
                    + ", not 1");
        }
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        for (int i = p.length - 1; ; i--) {   // u landed in the rounding gap at the top: the last possible index
            if (p[i] > 0) {
                return i;
            }
        }
    }
    // end::draw[]
}
