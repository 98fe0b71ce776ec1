package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of clockwork-schedule: schedules and masked updates on seeded inputs, recorded. */
@Timeout(5)
class ClockworkScheduleGraded {
    private static Matrix uniform(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = 2 * rng.nextDouble() - 1;
        }
        return Matrix.wrap(rows, cols, d);
    }

    @Test
    @DisplayName("at step 0 every module updates")
    @Points(1)
    @Hint("0 mod T is 0 for every period T")
    void a_startsTogether() {
        Record.value("modules updating at t = 0", ClockworkSchedule.updating(0, new int[] {1, 2, 4, 8, 16}));
    }

    @Test
    @DisplayName("the schedule of periods 1, 2, 4, 8 over the steps 1 to 16")
    @Points(3)
    @Hint("module k updates when t mod T_k = 0: at t = 12 that is the periods 1, 2 and 4")
    void b_powersOfTwo() {
        for (int t = 1; t <= 16; t++) {   // one value per step: the lists differ in length
            Record.value("modules updating at t = " + t, ClockworkSchedule.updating(t, new int[] {1, 2, 4, 8}));
        }
    }

    @Test
    @DisplayName("periods that are not powers of two (3, 5, 7) at t = 15, 21, 35, 104, 105")
    @Points(2)
    @Hint("a module of period 5 updates at 15, 35 and 105, not at 21 or 104")
    void c_otherPeriods() {
        int[] periods = {3, 5, 7};
        for (int t : new int[] {15, 21, 35, 104, 105}) {
            Record.value("modules updating at t = " + t, ClockworkSchedule.updating(t, periods));
        }
    }

    @Test
    @DisplayName("the masked update of a batch of 3, four modules of 3 units, at t = 4")
    @Points(3)
    @Hint("unit u belongs to module u / (hidden / K): the first 3 units are module 0, the next 3 module 1, ...")
    void d_update() {
        Matrix hPrev = uniform(3, 12, 71);
        Matrix h = ClockworkSchedule.update(hPrev, uniform(3, 12, 72).scaleInPlace(2), 4, new int[] {1, 2, 4, 8});
        Record.value("h_t", h);
    }

    @Test
    @DisplayName("a step on which only the fastest module updates keeps every other unit as it was")
    @Points(2)
    @Hint("a module that does not tick keeps h_{t-1}, not 0 and not tanh of it")
    void e_holds() {
        Matrix hPrev = uniform(2, 6, 73);
        Record.value("h_t", ClockworkSchedule.update(hPrev, uniform(2, 6, 74), 3, new int[] {1, 2, 4}));
    }

    @Test
    @DisplayName("update at t = 0 returns a new h_t and leaves its inputs unchanged")
    @Points(1)
    @Hint("copy h_{t-1} before writing into it")
    void f_inputsKept() {
        Matrix hPrev = uniform(2, 4, 75);
        Matrix a = uniform(2, 4, 76);
        Record.value("h_t", ClockworkSchedule.update(hPrev, a, 0, new int[] {1, 2}));
        Record.value("h_{t-1} after the call", hPrev);
        Record.value("a after the call", a);
    }
}
