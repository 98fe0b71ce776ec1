package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of lm-units: the three units on seeded predictions, recorded. */
@Timeout(5)
class LmUnitsGraded {

    @Test
    @DisplayName("mean nats of seeded probabilities")
    @Points(4)
    @Hint("minus the mean (not the sum) of the natural logarithms")
    void a_nats() {
        Random rng = new Random(1);
        double[] p = new double[50];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.01 + 0.99 * rng.nextDouble();
        }
        Record.value("nats(50 seeded probabilities)", LmUnits.nats(p));
        Record.value("nats([0.9, 0.1, 0.3])", LmUnits.nats(new double[] {0.9, 0.1, 0.3}));
    }

    @Test
    @DisplayName("bits per token")
    @Points(3)
    @Hint("bits = nats / ln 2")
    void b_bits() {
        for (double nats : new double[] {0.3, 1.077, 2.5}) {
            Record.value("bitsPerToken(" + nats + ")", LmUnits.bitsPerToken(nats));
        }
    }

    @Test
    @DisplayName("perplexity")
    @Points(3)
    @Hint("perplexity = e^nats = 2^bits")
    void c_perplexity() {
        for (double nats : new double[] {0.3, 1.077, 2.5}) {
            Record.value("perplexity(" + nats + ")", LmUnits.perplexity(nats));
        }
    }

    @Test
    @DisplayName("an empty array or a probability above 1 is refused")
    @Points(1)
    void d_refused() {
        Record.value("is nats([]) refused?", refused(new double[0]));
        Record.value("is nats([0.5, 1.5]) refused?", refused(new double[] {0.5, 1.5}));
    }

    private static boolean refused(double[] p) {
        try {
            LmUnits.nats(p);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
