package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of clockwork-schedule (worked by hand): {@code ./book check clockwork-schedule}, Maven or an IDE. */
@Timeout(5)
class ClockworkScheduleCheck {

    @Test
    @DisplayName("periods 1, 2, 4: every module at t = 0, modules 0 and 1 at t = 6, only module 0 at t = 3")
    void schedule() {
        int[] periods = {1, 2, 4};
        int[] at0 = ClockworkSchedule.updating(0, periods);
        Expect.notNull(at0, "the modules updating at t = 0");
        Expect.close("the modules updating at t = 0", new double[] {0, 1, 2}, toDoubles(at0), 0, 0, "0 mod T = 0");
        Expect.close("the modules updating at t = 6", new double[] {0, 1},
                toDoubles(ClockworkSchedule.updating(6, periods)), 0, 0, "6 mod 4 = 2, so module 2 holds");
        Expect.close("the modules updating at t = 3", new double[] {0},
                toDoubles(ClockworkSchedule.updating(3, periods)), 0, 0, null);
    }

    @Test
    @DisplayName("the masked update at t = 2: modules of periods 1 and 2 take tanh(ln 2) = 0.6, period 4 holds")
    void update() {
        // 3 modules of 2 units; tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6 exactly
        Matrix hPrev = Matrix.row(0.1, 0.2, 0.3, 0.4, 0.5, -0.6);
        Matrix a = Matrix.filled(1, 6, Math.log(2));
        Matrix h = ClockworkSchedule.update(hPrev, a, 2, new int[] {1, 2, 4});
        Expect.notNull(h, "h_t");
        Expect.shape("h_t", 1, 6, h.rows(), h.cols());
        Expect.close("h_t", new double[] {0.6, 0.6, 0.6, 0.6, 0.5, -0.6}, h.data(), 6, 1e-12,
                "units 4 and 5 belong to the period-4 module: 2 mod 4 ≠ 0, so they keep h_{t-1}");
        Expect.near("h_{t-1} after the call", 0.1, hPrev.get(0, 0), 0, "return a new matrix; leave the inputs alone");
    }

    private static double[] toDoubles(int[] v) {
        Expect.notNull(v, "the list of updating modules");
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
