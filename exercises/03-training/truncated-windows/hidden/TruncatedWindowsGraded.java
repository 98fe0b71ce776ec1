package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/** Hidden tests of truncated-windows: the submission's windows, credits and update counts, recorded. */
@Timeout(5)
class TruncatedWindowsGraded {

    private static void windows(int length, int k) {
        Record.value("windows(" + length + ", " + k + ")", TruncatedWindows.windows(length, k));
    }

    @Test
    @DisplayName("windows when k divides the length")
    @Points(2)
    @Hint("consecutive, non-overlapping windows of k steps")
    void a_evenWindows() {
        windows(12, 4);
    }

    @Test
    @DisplayName("windows when the last window is shorter")
    @Points(3)
    @Hint("the last window keeps the remaining steps and ends at the sequence's end")
    void b_partialWindow() {
        windows(10, 4);
        windows(23, 6);
    }

    @Test
    @DisplayName("windows of a single step")
    @Points(1)
    void c_windowOfOne() {
        windows(5, 1);
    }

    @Test
    @DisplayName("which inputs a loss at step t can credit")
    @Points(3)
    @Hint("the gradient stops at the first step of t's own window, not k steps back")
    void d_earliest() {
        int[] earliest = new int[23];
        for (int t = 0; t < earliest.length; t++) {
            earliest[t] = TruncatedWindows.earliestCredited(t, 5);
        }
        Record.value("earliestCredited(t, 5) for t = 0..22", earliest);
    }

    @Test
    @DisplayName("one weight update per window")
    @Points(2)
    @Hint("⌈length / k⌉: check the case where k divides the length")
    void e_updates() {
        Record.value("updates(10, 5), (11, 5), (9, 3), (4, 7)", new int[] {TruncatedWindows.updates(10, 5),
            TruncatedWindows.updates(11, 5), TruncatedWindows.updates(9, 3), TruncatedWindows.updates(4, 7)});
    }

    @Test
    @DisplayName("a window as long as (or longer than) the sequence is full BPTT")
    @Points(1)
    @Hint("one window that ends at the sequence's end")
    void f_fullBptt() {
        windows(7, 7);
        windows(3, 8);
    }
}
