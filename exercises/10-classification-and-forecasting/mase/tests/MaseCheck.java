package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;

/** Public checks of mase (worked by hand): {@code ./book check mase}. */
@Timeout(5)
class MaseCheck {
    private static final double[] TRAIN = {2, 4, 3, 5, 9, 6};   // season m = 2

    @Test
    @DisplayName("seasonal naive: the last season [9, 6] repeated over three steps")
    void seasonalNaive() {
        double[] f = Mase.seasonalNaive(TRAIN, 2, 3);
        Expect.notNull(f, "seasonalNaive(...)");
        Expect.close("the forecasts", new double[] {9, 6, 9}, f, 3, 1e-12,
                "forecast h repeats y_{n - m + (h mod m)}: after the last season it starts over");
    }

    @Test
    @DisplayName("MASE: errors 1 and 1 over a seasonal scale of 9/4 give 4/9")
    void mase() {
        // seasonal differences |3-2|, |5-4|, |9-3|, |6-5| = 1, 1, 6, 1: q = 9 / 4 = 2.25; mean error 1
        double v = Mase.mase(TRAIN, new double[] {9, 7}, new double[] {8, 6}, 2);
        Expect.near("MASE", 1 / 2.25, v, 1e-12,
                "q averages |train_t - train_{t-m}| over the k - m differences of the training part");
    }

    @Test
    @DisplayName("a training part no longer than the season is refused")
    void tooShort() {
        try {
            Mase.mase(new double[] {1, 2}, new double[] {1}, new double[] {1}, 2);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("mase accepted 2 training values for m = 2: there is no seasonal difference to scale by");
    }
}
