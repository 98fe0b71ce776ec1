package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/**
 * Public checks of masked-attention (worked by hand): {@code ./book check masked-attention}, Maven or an IDE.
 * With scores ln 3 and 0 the softmax gives 3/(3+1) = 3/4 and 1/4.
 */
@Timeout(5)
class MaskedAttentionCheck {
    private static final double LN3 = Math.log(3);

    @Test
    @DisplayName("d = 1: scores ln 3 and 0 give weights 3/4 and 1/4; the padded third position gets 0")
    void masked() {
        double[][] memory = {{1}, {0}, {100}};
        double[] w = MaskedAttention.weights(new double[] {LN3}, memory, 2);
        Expect.notNull(w, "the weights");
        Expect.close("weights", new double[] {0.75, 0.25, 0}, w, 3, 1e-12,
                "softmax over the first two positions only; the padding position must get exactly 0");
        double[] c = MaskedAttention.context(w, memory);
        Expect.notNull(c, "the context");
        Expect.close("context", new double[] {0.75}, c, 1, 1e-12, "0.75·1 + 0.25·0 + 0·100");
    }

    @Test
    @DisplayName("d = 4: the dot product is divided by √4 = 2 before the softmax")
    void scaled() {
        double h = LN3 / 2;
        double[][] memory = {{1, 1, 1, 1}, {0, 0, 0, 0}};
        double[] w = MaskedAttention.weights(new double[] {h, h, h, h}, memory, 2);
        Expect.notNull(w, "the weights");
        // q · m_0 = 4 · ln3/2 = 2 ln 3, scaled by 1/2: ln 3; without the scaling the weights would be 9/10, 1/10
        Expect.close("weights", new double[] {0.75, 0.25}, w, 2, 1e-12, "e_s = q · m_s / √d with d = 4");
        Expect.close("context", new double[] {0.75, 0.75, 0.75, 0.75}, MaskedAttention.context(w, memory), 4, 1e-12,
                "context = 0.75·m_0 + 0.25·m_1");
    }

    @Test
    @DisplayName("large equal scores: no overflow, equal weights 1/2 and 1/2")
    void large() {
        double[] w = MaskedAttention.weights(new double[] {1000}, new double[][] {{1}, {1}}, 2);
        Expect.notNull(w, "the weights");
        Expect.close("weights", new double[] {0.5, 0.5}, w, 2, 1e-12,
                "exp(1000) overflows to infinity: subtract the largest score first");
    }
}
