package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of lm-units (worked by hand): {@code ./book check lm-units}. */
@Timeout(5)
class LmUnitsCheck {

    @Test
    @DisplayName("a coin flip at every step: ln 2 nats, 1 bit, perplexity 2")
    void coin() {
        double nats = LmUnits.nats(new double[] {0.5, 0.5, 0.5});
        Expect.near("nats([0.5, 0.5, 0.5])", Math.log(2), nats, 1e-12, "-(1/N) Σ ln p with natural logarithms");
        Expect.near("bitsPerToken(ln 2)", 1.0, LmUnits.bitsPerToken(Math.log(2)), 1e-12, "divide by ln 2");
        Expect.near("perplexity(ln 2)", 2.0, LmUnits.perplexity(Math.log(2)), 1e-12, "e to the nats");
    }

    @Test
    @DisplayName("uniform over 17 characters: perplexity 17; always right: perplexity 1")
    void landmarks() {
        double[] uniform = new double[5];
        java.util.Arrays.fill(uniform, 1.0 / 17);
        Expect.near("perplexity(nats(five times 1/17))", 17.0, LmUnits.perplexity(LmUnits.nats(uniform)), 1e-9,
                "ln 17 nats per token");
        Expect.near("nats([1, 1])", 0.0, LmUnits.nats(new double[] {1, 1}), 1e-12, "ln 1 = 0");
        Expect.near("perplexity(0)", 1.0, LmUnits.perplexity(0), 1e-12, null);
    }

    @Test
    @DisplayName("[1/4, 1]: the mean of ln 4 and 0 is ln 2, so perplexity 2, the geometric mean of 4 and 1")
    void mean() {
        Expect.near("nats([0.25, 1])", Math.log(2), LmUnits.nats(new double[] {0.25, 1}), 1e-12,
                "(ln 4 + ln 1) / 2: a mean over the tokens, not a sum");
    }

    @Test
    @DisplayName("a probability of 0 is an IllegalArgumentException naming its index")
    void zero() {
        try {
            LmUnits.nats(new double[] {0.5, 0.0});
        } catch (IllegalArgumentException e) {
            Expect.that(e.getMessage() != null && e.getMessage().contains("1"),
                    "the message names index 1: " + e.getMessage());
            return;
        }
        Expect.that(false, "nats([0.5, 0]) should throw an IllegalArgumentException");
    }
}
