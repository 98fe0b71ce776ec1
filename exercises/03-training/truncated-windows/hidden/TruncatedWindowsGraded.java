package rnnbook.exercises;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.TruncatedBptt;
import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Hidden graded tests of truncated-windows: the engine's TruncatedBptt records the windows it really runs. */
public class TruncatedWindowsGraded {

    /** The windows and update count of the engine's truncated BPTT over {@code length} steps. */
    private record Run(List<int[]> windows, int updates) {
        static Run engine(int length, int k) {
            Recurrent rnn = new Recurrent(new RnnCell(1, 2, new Random(0)));
            Matrix[] xs = new Matrix[length];
            for (int t = 0; t < length; t++) {
                xs[t] = Matrix.row(t * 0.1);
            }
            List<int[]> seen = new ArrayList<>();
            int[] updates = {0};
            TruncatedBptt.Result r = new TruncatedBptt(rnn, k).run(xs, null, (start, outputs, dOutputs) -> {
                seen.add(new int[] {start, start + outputs.length});
                return 0;
            }, () -> updates[0]++);
            Check.that(r.windows() == updates[0], "internal: engine window count");
            return new Run(seen, updates[0]);
        }
    }

    private static void compareWindows(int length, int k, String hint) {
        Run expected = Run.engine(length, k);
        int[][] mine = TruncatedWindows.windows(length, k);
        Check.notNull(mine, "windows");
        Check.equal("the number of windows", expected.windows().size(), mine.length, hint);
        for (int w = 0; w < mine.length; w++) {
            Check.notNull(mine[w], "window " + w);
            Check.that(mine[w].length == 2, "window " + w + " must be {start, end}");
            Check.that(mine[w][0] == expected.windows().get(w)[0] && mine[w][1] == expected.windows().get(w)[1],
                    "window " + w + " is {" + mine[w][0] + ", " + mine[w][1] + "}, which is not where truncated"
                    + " BPTT cuts" + (hint == null ? "" : ". Hint: " + hint));
        }
    }

    @Graded(points = 2, value = "windows when k divides the length")
    public void a_evenWindows() {
        compareWindows(12, 4, "consecutive, non-overlapping windows of k steps");
    }

    @Graded(points = 3, value = "windows when the last window is shorter")
    public void b_partialWindow() {
        compareWindows(10, 4, "the last window keeps the remaining steps and ends at the sequence's end");
        compareWindows(23, 6, null);
    }

    @Graded(points = 1, value = "windows of a single step")
    public void c_windowOfOne() {
        compareWindows(5, 1, null);
    }

    @Graded(points = 3, value = "which inputs a loss at step t can credit")
    public void d_earliest() {
        int k = 5;
        Run run = Run.engine(23, k);
        for (int t = 0; t < 23; t++) {
            int expected = -1;
            for (int[] w : run.windows()) {
                if (w[0] <= t && t < w[1]) {
                    expected = w[0];
                }
            }
            Check.that(TruncatedWindows.earliestCredited(t, k) == expected,
                    "earliestCredited is wrong for some t: the gradient stops at the first step of t's own window,"
                    + " not k steps back");
        }
    }

    @Graded(points = 2, value = "one weight update per window")
    public void e_updates() {
        for (int[] lk : new int[][] {{10, 5}, {11, 5}, {9, 3}, {4, 7}}) {
            Check.equal("updates", Run.engine(lk[0], lk[1]).updates(), TruncatedWindows.updates(lk[0], lk[1]),
                    "⌈length / k⌉: check the case where k divides the length");
        }
    }

    @Graded(points = 1, value = "a window as long as (or longer than) the sequence is full BPTT")
    public void f_fullBptt() {
        compareWindows(7, 7, null);
        compareWindows(3, 8, "one window that ends at the sequence's end");
    }
}
